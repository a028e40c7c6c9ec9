import EspoMailTestSupport
import Foundation
import Testing

/// `config export` and `config apply`: the set-up as one YAML document, applied idempotently,
/// planned with --dry-run, and refused as a whole when it asks for what espomail will not do.
@Suite struct ConfigurationTests {
  /// A store with one of everything the document holds.
  static func populatedStore() throws -> TestStore {
    let store = try TestStore()
    let commands: [[String]] = [
      ["team", "add", "Support"], ["team", "add", "Sales"],
      ["user", "add", "alice", "--name", "Alice", "--email", "alice@example.com"],
      ["user", "add", "bob", "--email", "bob@example.com", "--email", "robert@example.com"],
      ["team", "member", "add", "Support", "alice", "--position", "Senior"], ["team", "member", "add", "Support", "bob"],
      ["role", "create", "Agent"], ["role", "set", "Agent", "email.read=own", "case.read=team", "case.create=yes"],
      ["user", "role", "add", "alice", "Agent"],
      ["template", "add", "ack", "--subject", "We got it: {email.subject}", "--body", "Hello {person.name},\ncase {case.number} is open."],
      ["group-folder", "add", "Billing", "--team", "Support"], ["folder", "add", "Later", "--user", "alice"],
      [
        "account", "add", "support", "--group", "--address", "support@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "1143", "--security", "none", "--username", "support", "--password-command", "echo pw",
        "--team", "Support",
      ],
      [
        "account", "set", "support", "--create-case", "--distribution", "round-robin", "--case-team", "Support",
        "--smtp-host", "127.0.0.1", "--smtp-port", "2525", "--smtp-security", "none", "--auto-reply",
        "--reply-template", "ack", "--helo-name", "mail.example.org", "--login-mechanism", "login",
      ],
      ["account", "set", "support", "--group-folder", "Billing", "--no-add-all-team-users"],
      ["user", "set", "alice", "--default-team", "Support"],
      [
        "account", "add", "alice-mail", "--personal", "--owner", "alice", "--address", "alice@example.com",
        "--imap-host", "127.0.0.1", "--imap-port", "1143", "--security", "none", "--username", "alice",
        "--password-command", "echo pw", "--folder", "INBOX", "--folder", "Lists", "--folder-map", "Lists=Later",
      ],
      ["filter", "create", "spam", "--account", "support", "--subject", "*viagra*", "--action", "skip"],
      ["filter", "create", "ads", "--account", "support", "--from", "*@ads.example", "--action", "skip"],
      ["filter", "create", "later", "--user", "alice", "--from", "*@news.example", "--action", "move-to-folder", "--folder", "Later"],
      ["setting", "set", "auto-reply-limit", "3"], ["outbound", "set-default", "support"],
      ["setting", "set", "outbound-shared", "yes"], ["setting", "set", "account-failure-notice", "5"],
      ["account", "set", "support", "--exclude-from-reply"],
      ["notification", "preferences", "--email", "case-mail,assigned", "--as", "alice"],
    ]
    for command in commands { try store.json(command) }
    return store
  }

  /// The store's document as YAML.
  static func export(_ store: TestStore) throws -> String {
    let result = store.run(["config", "export"])
    guard result.status == 0 else { throw TestSupportError("config export exited \(result.status): \(result.stderr)") }
    return result.stdout
  }

  @Test func anExportedSetUpAppliedToAFreshStoreIsReproducedExactly() throws {
    let document = try Self.export(try Self.populatedStore())
    #expect(document.contains("secret-command: echo pw"))
    for line in ["group-folder: Billing", "add-all-team-users: false", "default-team: Support", "Lists: Later"] {
      #expect(document.contains(line), "the document carries \(line)")
    }
    for line in ["outbound-shared: 'yes'", "account-failure-notice: '5'", "exclude-from-reply: true", "- assigned"] {
      #expect(document.contains(line), "\(line) in\n\(document)")
    }
    let fresh = try TestStore()
    let applied = fresh.run(["config", "apply", "-", "--format", "json"], stdin: document)
    #expect(applied.status == 0, "\(applied.stderr)")
    let changes = try applied.object()["changes"] as? [[String: Any]] ?? []
    #expect(changes.contains { $0["section"] as? String == "account" && $0["action"] as? String == "add" })
    #expect(try Self.export(fresh) == document)
    let again = fresh.run(["config", "apply", "-", "--format", "json"], stdin: document)
    #expect(again.status == 0)
    #expect((try again.object()["changes"] as? [Any])?.isEmpty == true, "a second apply changes nothing")
  }

  @Test func aDryRunPrintsThePlanAndChangesNothing() throws {
    let store = try Self.populatedStore()
    let before = try Self.export(store)
    let edited = before.replacingOccurrences(of: "    email.read: own", with: "    email.read: team")
      .replacingOccurrences(of: "    position: Senior", with: "    position: Lead")
    let planned = store.run(["config", "apply", "-", "--dry-run"], stdin: edited)
    #expect(planned.status == 0, "\(planned.stderr)")
    #expect(planned.stdout.contains("~ role Agent: email.read"))
    #expect(planned.stdout.contains("~ team Support: members"))
    #expect(planned.stdout.contains("would make 2 changes"))
    #expect(try Self.export(store) == before)
    #expect(store.run(["config", "apply", "-"], stdin: edited).status == 0)
    #expect(try Self.export(store) == edited)
  }

  @Test func filtersFollowTheDocumentsOrder() throws {
    let store = try Self.populatedStore()
    let before = try Self.export(store)
    let spam = try #require(before.range(of: "- account: support\n  action: skip\n  body-contains: []\n  body-contains-all: []\n  mark-read: false\n  name: spam"))
    let ads = try #require(before.range(of: "- account: support\n  action: skip\n  body-contains: []\n  body-contains-all: []\n  from: '*@ads.example'"))
    #expect(ads.lowerBound > spam.lowerBound, "spam was created first")
    let adsEntry = String(before[ads.lowerBound..<before[ads.upperBound...].range(of: "- ")!.lowerBound])
    var swapped = before.replacingOccurrences(of: adsEntry, with: "")
    swapped.insert(contentsOf: adsEntry, at: swapped.range(of: "- account: support\n  action: skip\n  body-contains: []\n  body-contains-all: []\n  mark-read: false\n  name: spam")!.lowerBound)
    let applied = store.run(["config", "apply", "-"], stdin: swapped)
    #expect(applied.status == 0, "\(applied.stderr)")
    #expect(applied.stdout.contains("~ filter ads: order") || applied.stdout.contains("~ filter spam: order"))
    #expect(try Self.export(store) == swapped)
    let names = try store.json(["filter", "list"]).array().compactMap { $0["name"] as? String }
    #expect(names.firstIndex(of: "ads")! < names.firstIndex(of: "spam")!)
  }

  @Test func refusedChangesStopTheWholePlanBeforeAnythingIsWritten() throws {
    let store = try Self.populatedStore()
    let before = try Self.export(store)
    // A valid change (the template) together with refused ones: nothing at all is written.
    var edited = before.replacingOccurrences(of: "is open.", with: "is open now.")
    let later = try #require(edited.range(of: "- action: move-to-folder"))
    let laterEnd = try #require(edited[later.upperBound...].range(of: "group-folders:"))
    edited.removeSubrange(later.lowerBound..<laterEnd.lowerBound)
    edited = edited.replacingOccurrences(of: "  kind: group", with: "  kind: personal\n  owner: alice")
    let refused = store.run(["config", "apply", "-"], stdin: edited)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("filter 'later': it is not in the document; --prune removes it"))
    #expect(refused.stderr.contains("account 'support': an account's kind and owner are fixed"))
    #expect(try Self.export(store) == before)

    let sealed = try TestStore()
    let withSealed = before.replacingOccurrences(of: "    secret: command\n    secret-command: echo pw\n", with: "    secret: sealed\n")
    let noPassword = sealed.run(["config", "apply", "-"], stdin: withSealed)
    #expect(noPassword.status == 65)
    #expect(noPassword.stderr.contains("its password is sealed in the store it came from"))
    #expect(try sealed.json(["team", "list"]).array().isEmpty, "nothing was applied")
  }

  @Test func removingAFilterTakesPruneAndUsersAreNeverRemoved() throws {
    let store = try Self.populatedStore()
    let before = try Self.export(store)
    let spam = try #require(before.range(of: "- account: support\n  action: skip\n  body-contains: []\n  body-contains-all: []\n  mark-read: false\n  name: spam"))
    let spamEnd = try #require(before[spam.upperBound...].range(of: "- "))
    var withoutSpam = before
    withoutSpam.removeSubrange(spam.lowerBound..<spamEnd.lowerBound)
    #expect(store.run(["config", "apply", "-"], stdin: withoutSpam).status == 65)
    let pruned = store.run(["config", "apply", "-", "--prune"], stdin: withoutSpam)
    #expect(pruned.status == 0, "\(pruned.stderr)")
    #expect(pruned.stdout.contains("- filter spam"))
    #expect(store.run(["filter", "show", "spam"]).status == 66)

    let bob = try #require(withoutSpam.range(of: "- active: true\n  addresses:\n  - bob@example.com"))
    let bobEnd = try #require(withoutSpam[bob.upperBound...].range(of: "- active: true"))
    var withoutBob = withoutSpam
    withoutBob.removeSubrange(bob.lowerBound..<bobEnd.lowerBound)
    let refused = store.run(["config", "apply", "-", "--prune"], stdin: withoutBob)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("user 'bob'"))
  }

  @Test func aStoredPasswordIsExportedAsSealedNeverAsItsValue() throws {
    let store = try TestStore()
    let added = store.run(
      [
        "account", "add", "box", "--group", "--address", "box@example.com", "--imap-host", "127.0.0.1", "--security",
        "none", "--username", "box", "--password-stdin",
      ], stdin: "hunter2-is-the-password\n")
    #expect(added.status == 0, "\(added.stderr)")
    let document = try Self.export(store)
    #expect(document.contains("    secret: sealed\n"))
    #expect(!document.contains("hunter2"))
    #expect(!store.run(["config", "export", "--format", "json"]).stdout.contains("hunter2"))
  }

  @Test func aBrokenDocumentIsNamedWhereItIsWrong() throws {
    let store = try TestStore()
    let missing = store.run(["config", "apply", "-"], stdin: "version: 1\nusers:\n- name: x\n")
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("users[0].login is missing"))
    #expect(store.run(["config", "apply", "-"], stdin: "version: [\n").status == 65)
    let future = store.run(["config", "apply", "-"], stdin: "version: 2\n")
    #expect(future.status == 65)
    #expect(future.stderr.contains("reads version 1"))
  }

  @Test func onlyAdminsExportOrApply() throws {
    let store = try TestStore()
    try store.json(["user", "add", "carol"])
    #expect(store.run(["config", "export"], as: "carol").status == 77)
    #expect(store.run(["config", "apply", "-"], as: "carol", stdin: "version: 1\n").status == 77)
  }
}
