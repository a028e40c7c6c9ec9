import EspoMailTestSupport
import Foundation
import Testing

/// The attacks of the security review (Docs/security.md), each replayed through the command line:
/// every test failed before its fix.
@Suite struct SecurityTests {
  /// A store with alice (personal-email-accounts, own mail), carol (own mail) and newbie (no role).
  private func store() throws -> TestStore {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    try store.json(["user", "add", "carol", "--email", "carol@example.com"])
    try store.json(["user", "add", "newbie", "--email", "newbie@example.com"])
    try store.grantOwnMail("alice", "carol")
    try store.json(["role", "create", "Mailbox"])
    try store.json(["role", "set", "Mailbox", "personal-email-accounts=yes"])
    try store.json(["user", "role", "add", "alice", "Mailbox"])
    return store
  }

  /// `account add` for a personal account of alice's, on a local port where nothing listens.
  private func personalAccount(_ name: String, address: String = "alice@example.com", extra: [String]) -> [String] {
    [
      "account", "add", name, "--personal", "--owner", "alice", "--address", address, "--imap-host", "127.0.0.1",
      "--imap-port", "9", "--security", "none", "--username", "alice",
    ] + extra
  }

  /// Adds alice's personal account `mine` as alice, with a stored password.
  private func addMine(_ store: TestStore, extra: [String] = []) {
    let result = store.run(personalAccount("mine", extra: ["--password-stdin"] + extra), as: "alice", stdin: "pw\n")
    #expect(result.status == 0, "\(result.stderr)")
  }

  private func audit(_ store: TestStore) throws -> (kinds: [String], subjects: [String], status: Int32) {
    let result = store.run(["audit", "--format", "json"])
    let findings = try result.array()
    return (findings.compactMap { $0["kind"] as? String }, findings.compactMap { $0["subject"] as? String }, result.status)
  }

  private func importFile(_ store: TestStore, _ bytes: [UInt8], as login: String? = nil, extra: [String] = []) -> CommandResult {
    let path = store.directory.file("m-\(UUID().uuidString).eml")
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return store.run(["email", "import", path, "--format", "json"] + extra, as: login)
  }

  // MARK: 1. A user's command runs as the admin.

  @Test func aUserCannotSetACommandSecret() throws {
    let store = try store()
    let marker = store.directory.file("ran")
    for flag in ["--password-command", "--oauth2-token-command"] {
      let result = store.run(personalAccount("mine", extra: [flag, "touch \(marker); echo pw"]), as: "alice")
      #expect(result.status == 77, "\(result.stderr)")
      #expect(result.stderr.contains("only admins set command secrets"))
    }
    addMine(store)
    let smtp = store.run(
      ["account", "set", "mine", "--smtp-host", "127.0.0.1", "--smtp-password-command", "touch \(marker); echo pw"],
      as: "alice")
    #expect(smtp.status == 77)
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  @Test func aCommandSecretNoAdminSetNeverRunsAndIsReported() throws {
    let store = try store()
    let marker = store.directory.file("ran")
    try store.json(personalAccount("mine", extra: ["--password-command", "touch \(marker); echo pw"]))
    #expect(try audit(store).status == 0)
    // A store from before provenance was recorded: the migration marks personal accounts' secrets
    // as their owner's; here the column is reset the same way.
    try store.execute("UPDATE mail_account SET imap_secret_by_admin = 0")
    let fetched = store.run(["fetch", "--all", "--timeout", "2"])
    #expect(fetched.status == 77, "\(fetched.stderr)")
    #expect(!FileManager.default.fileExists(atPath: marker), "the command ran")
    let status = try store.json(["account", "status", "mine"]).stdout
    #expect(status.contains("not set by an admin"))
    let found = try audit(store)
    #expect(found.status == 3)
    #expect(found.kinds.contains("command-secret-not-by-admin"))
    try store.json(["account", "set", "mine", "--password-command", "echo pw"])
    #expect(try !audit(store).kinds.contains("command-secret-not-by-admin"))
  }

  // MARK: 2. The setgid deployment.

  @Test(arguments: [("nobody", "u+s"), ("root", "g+s")])
  func aSetuidOrSetgidBinaryRefusesToRun(_ owner: String, _ bit: String) throws {
    guard geteuid() == 0 else { return }  // chown needs root; CI runs as root.
    let directory = try TemporaryDirectory()
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    let binary = directory.file("espomail")
    try FileManager.default.copyItem(atPath: BinaryRunner.binaryPath, toPath: binary)
    for arguments in [["chown", "\(owner):nogroup", binary], ["chmod", "0755", binary], ["chmod", bit, binary]] {
      let process = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: arguments)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["user", "list"]
    process.environment = ["ESPOMAIL_STORE": directory.file("s.sqlite"), "PATH": "/usr/bin:/bin"]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 77, "\(message)")
    #expect(message.contains("privileges that are not its caller's"))
  }

  // MARK: 4. email import needs a permission.

  @Test func importIsForAdminsOrIntoTheUsersOwnAccount() throws {
    let store = try store()
    let toCarol = SampleMessage.make(to: "carol@example.com", subject: "Planted", date: SampleMessage.date())
    let denied = importFile(store, toCarol, as: "carol")
    #expect(denied.status == 77, "\(denied.stderr)")
    addMine(store)
    let imported = importFile(store, toCarol, as: "alice", extra: ["--account", "mine"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try store.json(["email", "list"], as: "carol").array().isEmpty, "delivered into carol's inbox")
    #expect(try store.json(["notification", "list"], as: "carol").array().isEmpty, "carol was notified")
    #expect(try store.json(["email", "list"], as: "alice").array().count == 1)
    #expect(importFile(store, toCarol, as: "alice", extra: ["--account", "nope"]).status == 66)
  }

  // MARK: 5. Personal addresses and send --from.

  @Test func aPersonalAccountAddressMustBeTheOwners() throws {
    let store = try store()
    let stolen = store.run(personalAccount("mine", address: "carol@example.com", extra: ["--password-stdin"]), as: "alice", stdin: "pw\n")
    #expect(stolen.status == 77, "\(stolen.stderr)")
    #expect(stolen.stderr.contains("not one of alice's addresses"))
    #expect(store.run(personalAccount("mine", address: "carol@example.com", extra: ["--password-stdin"]), stdin: "pw\n").status == 77)
    addMine(store)
    #expect(store.run(["account", "set", "mine", "--address", "carol@example.com"], as: "alice").status == 77)
    let forced = store.run(
      personalAccount("forced", address: "carol@example.com", extra: ["--password-stdin", "--allow-unowned-address"]), stdin: "pw\n")
    #expect(forced.status == 0, "\(forced.stderr)")
    let findings = try audit(store)
    #expect(findings.kinds == ["unowned-personal-address"])
    #expect(findings.subjects == ["account forced"])
  }

  @Test func sendFromAcceptsOnlyTheUsersOwnAddresses() throws {
    let store = try store()
    let smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", "9", "--smtp-security", "none", "--password-stdin"]
    let forced = store.run(
      personalAccount("forced", address: "carol@example.com", extra: smtp + ["--allow-unowned-address"]), stdin: "pw\n")
    #expect(forced.status == 0, "\(forced.stderr)")
    let sent = store.run(
      ["send", "--from", "carol@example.com", "--to", "x@outside.example", "--subject", "As carol", "--body", "hi"], as: "alice")
    #expect(sent.status == 77, "\(sent.stderr)")
    #expect(try store.json(["email", "list", "--folder", "sent"], as: "carol").array().isEmpty)
  }

  // MARK: 6. Logins match exactly.

  @Test func loginsMatchCaseSensitively() throws {
    let store = try store()
    let result = store.run(["user", "list"], as: "ROOT")
    #expect(result.status == 77)
    #expect(result.stderr.contains("'ROOT' is not a user"))
    #expect(store.run(["case", "list"], as: "Alice").status == 77)
    #expect(store.run(["case", "list"], as: "alice").status == 0)
  }

  // MARK: 8. Notifications only to readers.

  @Test func onlyUsersWhoMayReadAnEmailAreNotifiedOfIt() throws {
    let store = try store()
    let mail = SampleMessage.make(to: "newbie@example.com, carol@example.com", subject: "Hi", date: SampleMessage.date())
    let id = try #require(try importFile(store, mail).object()["id"] as? Int)
    #expect(try store.json(["notification", "list"], as: "newbie").array().isEmpty, "newbie (no role) was notified")
    #expect(try store.json(["notification", "list"], as: "carol").array().count == 1)
    let explained = try store.json(["explain", "\(id)"]).stdout
    #expect(explained.contains("newbie has the email but may not read it"))
    #expect(try audit(store).kinds.isEmpty)
  }

  // MARK: 9. Parents, links and follows need read access.

  @Test func recordsTheUserCannotReadAreRefused() throws {
    let store = try store()
    try store.json(["role", "set", "OwnMail", "case.read=own", "account.read=own"])
    try store.json(["user", "role", "add", "carol", "Mailbox"])  // she may send through her own account
    let carolMail = store.run(
      [
        "account", "add", "carol-mail", "--personal", "--owner", "carol", "--address", "carol@example.com", "--imap-host",
        "127.0.0.1", "--security", "none", "--username", "carol", "--password-stdin", "--smtp-host", "127.0.0.1",
        "--smtp-port", "9", "--smtp-security", "none",
      ], stdin: "pw\n")
    #expect(carolMail.status == 0, "\(carolMail.stderr)")
    let caseNumber = try #require(try store.json(["case", "create", "Root's case"]).object()["number"] as? Int)
    let account = try #require(try store.json(["crm", "account", "add", "Secret Corp"]).object()["id"] as? Int)
    let id = try #require(
      try importFile(store, SampleMessage.make(to: "carol@example.com", date: SampleMessage.date())).object()["id"] as? Int)
    for reference in ["case:\(caseNumber)", "account:\(account)"] {
      let followed = store.run(["follow", reference], as: "carol")
      #expect(followed.status == 77, "follow \(reference): \(followed.stderr)")
      let linked = store.run(["email", "link", "\(id)", reference], as: "carol")
      #expect(linked.status == 77, "link \(reference): \(linked.stderr)")
      let sent = store.run(
        ["send", "--from", "carol@example.com", "--to", "x@outside.example", "--subject", "s", "--body", "b", "--parent", reference],
        as: "carol")
      #expect(sent.status == 77, "send --parent \(reference): \(sent.stderr)")
      #expect(sent.stderr.contains("you may not read"))
    }
  }

  // MARK: 11. Cleartext only on loopback.

  @Test func cleartextToARemoteHostNeedsAnAdminsExplicitYes() throws {
    let store = try store()
    let remote = [
      "account", "add", "remote", "--group", "--address", "remote@example.com", "--imap-host", "192.0.2.7",
      "--security", "none", "--username", "r", "--password-stdin",
    ]
    let refused = store.run(remote, stdin: "pw\n")
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("--allow-cleartext"))
    addMine(store)
    #expect(store.run(["account", "set", "mine", "--imap-host", "192.0.2.7"], as: "alice").status == 65)
    #expect(store.run(["account", "set", "mine", "--imap-host", "192.0.2.7", "--allow-cleartext"], as: "alice").status == 77)
    #expect(store.run(["account", "set", "mine", "--smtp-host", "192.0.2.7", "--smtp-security", "none"], as: "alice").status == 65)
    #expect(store.run(remote + ["--allow-cleartext"], stdin: "pw\n").status == 0)
    let findings = try audit(store)
    #expect(findings.kinds == ["cleartext-connection"])
    #expect(findings.status == 3)
    #expect(store.run(["account", "set", "mine", "--imap-host", "localhost"], as: "alice").status == 0)
  }

  // MARK: 12. Terminal control characters.

  @Test func textOutputNeutralisesControlCharactersAndJSONKeepsThem() throws {
    let store = try store()
    let subject = "=?utf-8?q?Hi=1B]0;owned=07=1B[2J?="
    _ = try importFile(store, SampleMessage.make(from: "=?utf-8?q?Evil=1B[31m?= <e@x.example>", subject: subject)).object()
    let text = store.run(["email", "list"])
    #expect(text.status == 0)
    #expect(!text.stdout.contains("\u{1B}"), "an escape reached the terminal")
    #expect(text.stdout.contains("Hi\\x1B]0;owned\\x07\\x1B[2J"))
    let json = try store.json(["email", "list"]).array()
    #expect(json.first?["subject"] as? String == "Hi\u{1B}]0;owned\u{07}\u{1B}[2J")
  }

  // MARK: audit.

  @Test func auditIsCleanOnANewStoreAndSeesLooseFiles() throws {
    let store = try store()
    let clean = store.run(["audit"])
    #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    #expect(clean.stdout.contains("nothing to fix"))
    // The store file (SQLite) and the key file; a PostgreSQL store has only the key on disk.
    let files = TestStore.engine == .sqlite ? [store.path, store.keyFile] : [store.keyFile]
    for file in files {
      let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
      #expect(mode == 0o600, "\(file)")
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: files[0])
    try store.json(["role", "set", "OwnMail", "email.delete=own"])
    let found = try audit(store)
    #expect(found.status == 3)
    #expect(Set(found.kinds) == ["file-permissions", "role-grants-delete"])
    #expect(store.run(["audit"], as: "alice").status == 77)
  }
}
