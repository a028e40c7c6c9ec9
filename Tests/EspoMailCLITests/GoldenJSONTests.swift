import EspoMailTestSupport
import Foundation
import Testing

/// One command run whose `--format json` output is compared with a golden file.
struct GoldenCase: Sendable, CustomTestStringConvertible {
  /// The golden file's name, without `.json`.
  var name: String
  /// The command line, without `--format json`.
  var arguments: [String]
  /// Who runs it (nil: the admin).
  var login: String? = nil
  /// Standard input.
  var stdin: String = ""
  /// The exit status it must end with (some commands print their report and fail).
  var status: Int32 = 0

  /// The name, shown for each case in the test report.
  var testDescription: String { name }
}

/// `--format json` of every command, compared byte for byte with `Fixtures/golden-json/*.json`
/// (run-dependent values normalised by `RunDependentValues`): a renamed, dropped or added key, a
/// null that became a missing key, or a changed value fails here. Cases run on a copy of
/// `GoldenJSONStore`; `ESPOMAIL_RECORD=1 swift test --filter GoldenJSON` rewrites the files.
@Suite struct GoldenJSONTests {
  /// Every case that needs no mail server, one per command (several for commands whose output
  /// differs in shape by case).
  static let cases: [GoldenCase] = [
    // People, teams, roles.
    GoldenCase(name: "user-add", arguments: ["user", "add", "dave", "--name", "Dave", "--email", "dave@example.com", "--team", "Support"]),
    GoldenCase(name: "user-list", arguments: ["user", "list"]),
    GoldenCase(name: "user-show", arguments: ["user", "show", "alice"]),
    GoldenCase(name: "user-set", arguments: ["user", "set", "bob", "--admin"]),
    GoldenCase(name: "user-set-default-team", arguments: ["user", "set", "alice", "--default-team", "Support"]),
    GoldenCase(name: "user-email-add", arguments: ["user", "email", "add", "carol", "c.two@example.com"]),
    GoldenCase(name: "user-email-remove", arguments: ["user", "email", "remove", "bob", "b.jones@example.com"]),
    GoldenCase(name: "user-role-add", arguments: ["user", "role", "add", "carol", "Agent"]),
    GoldenCase(name: "user-role-remove", arguments: ["user", "role", "remove", "alice", "Agent"]),
    GoldenCase(name: "team-add", arguments: ["team", "add", "Billing"]),
    GoldenCase(name: "team-list", arguments: ["team", "list"]),
    GoldenCase(name: "team-show", arguments: ["team", "show", "Support"]),
    GoldenCase(name: "team-member-add", arguments: ["team", "member", "add", "Sales", "bob", "--position", "Lead"]),
    GoldenCase(name: "team-member-remove", arguments: ["team", "member", "remove", "Support", "bob"]),
    GoldenCase(name: "role-create", arguments: ["role", "create", "Viewer"]),
    GoldenCase(name: "role-list", arguments: ["role", "list"]),
    GoldenCase(name: "role-show", arguments: ["role", "show", "Agent"]),
    GoldenCase(name: "role-preview", arguments: ["role", "preview", "Agent", "email.read=own", "case.read=own"]),
    GoldenCase(name: "role-set", arguments: ["role", "set", "Agent", "email.delete=own", "group-email-account=team"]),
    // Settings, audit.
    GoldenCase(name: "setting-list", arguments: ["setting", "list"]),
    GoldenCase(name: "setting-show", arguments: ["setting", "show"]),
    GoldenCase(name: "setting-set", arguments: ["setting", "set", "b2c-mode", "yes"]),
    GoldenCase(name: "audit", arguments: ["audit"], status: 3),
    // Mail accounts.
    GoldenCase(
      name: "account-add",
      arguments: [
        "account", "add", "info", "--group", "--address", "info@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "1", "--security", "none", "--username", "info", "--password-command", "cat /dev/null",
      ]),
    GoldenCase(name: "account-list", arguments: ["account", "list"]),
    GoldenCase(name: "account-show", arguments: ["account", "show", "support"]),
    GoldenCase(name: "account-set", arguments: ["account", "set", "sales", "--active", "--no-keep-unread"]),
    GoldenCase(
      name: "account-set-group-folder", arguments: ["account", "set", "support", "--group-folder", "Shared", "--no-add-all-team-users"]),
    GoldenCase(name: "account-set-folder-map", arguments: ["account", "set", "alice-mail", "--folder-map", "INBOX=Projects"]),
    GoldenCase(name: "account-remove", arguments: ["account", "remove", "sales"]),
    GoldenCase(name: "account-reset", arguments: ["account", "reset", "support", "--since", "2024-02-01"]),
    GoldenCase(name: "account-status", arguments: ["account", "status"]),
    GoldenCase(name: "account-test", arguments: ["account", "test", "support", "--timeout", "2"], status: 69),
    // Emails.
    GoldenCase(name: "email-list", arguments: ["email", "list"]),
    GoldenCase(name: "email-list-inbox", arguments: ["email", "list", "--folder", "inbox"], login: "alice"),
    GoldenCase(name: "email-export", arguments: ["email", "export"]),
    GoldenCase(name: "email-show", arguments: ["email", "show", "1"]),
    GoldenCase(name: "email-show-attachments", arguments: ["email", "show", "3"]),
    GoldenCase(name: "email-show-sent", arguments: ["email", "show", "7"], login: "alice"),
    GoldenCase(name: "email-attachment", arguments: ["email", "attachment", "3"]),
    GoldenCase(
      name: "email-import", arguments: ["email", "import", "-", "--account", "support"],
      stdin: String(decoding: SampleMessage.make(id: "new-1@acme.example", from: "info@acme.example", subject: "Hi", date: "Mon, 11 Mar 2024 10:00:00 +0000"), as: UTF8.self)),
    GoldenCase(
      name: "email-import-merged", arguments: ["email", "import", "-", "--account", "support"],
      stdin: String(decoding: GoldenJSONStore.printerMessage, as: UTF8.self)),
    GoldenCase(name: "email-link", arguments: ["email", "link", "5", "case:3"]),
    GoldenCase(name: "email-read", arguments: ["email", "read", "1"], login: "alice"),
    GoldenCase(name: "email-read-folder", arguments: ["email", "read", "--folder", "inbox"], login: "alice"),
    GoldenCase(name: "email-unread", arguments: ["email", "unread", "4"], login: "alice"),
    GoldenCase(name: "email-important", arguments: ["email", "important", "2"], login: "alice"),
    GoldenCase(name: "email-unimportant", arguments: ["email", "unimportant", "1"], login: "alice"),
    GoldenCase(name: "email-trash", arguments: ["email", "trash", "1"], login: "alice"),
    GoldenCase(name: "email-restore", arguments: ["email", "restore", "1"], login: "alice"),
    GoldenCase(name: "email-archive", arguments: ["email", "archive", "2"], login: "alice"),
    GoldenCase(name: "email-move", arguments: ["email", "move", "4", "Projects"], login: "alice"),
    GoldenCase(name: "email-move-group-folder", arguments: ["email", "move", "1", "--group-folder", "Shared"]),
    GoldenCase(name: "email-list-group-folder", arguments: ["email", "list", "--group-folder", "Shared"]),
    GoldenCase(name: "email-delete", arguments: ["email", "delete", "2", "--yes"]),
    GoldenCase(name: "explain", arguments: ["explain", "1"]),
    GoldenCase(name: "explain-filed", arguments: ["explain", "3"]),
    GoldenCase(name: "explain-notified", arguments: ["explain", "6"]),
    GoldenCase(name: "explain-who", arguments: ["explain", "1", "--who"]),
    // Filters and folders.
    GoldenCase(name: "filter-create", arguments: ["filter", "create", "news", "--user", "bob", "--subject", "*news*", "--action", "skip"]),
    GoldenCase(name: "filter-list", arguments: ["filter", "list"]),
    GoldenCase(name: "filter-show", arguments: ["filter", "show", "receipts"]),
    GoldenCase(name: "filter-remove", arguments: ["filter", "remove", "no-spam"]),
    GoldenCase(name: "filter-test", arguments: ["filter", "test", "receipts", "--email", "4"]),
    GoldenCase(name: "folder-add", arguments: ["folder", "add", "Travel", "--user", "bob"]),
    GoldenCase(name: "folder-list", arguments: ["folder", "list"], login: "alice"),
    GoldenCase(name: "group-folder-add", arguments: ["group-folder", "add", "Deals", "--team", "Sales", "--team", "Support"]),
    GoldenCase(name: "group-folder-list", arguments: ["group-folder", "list"]),
    GoldenCase(name: "quarantine-list-empty", arguments: ["quarantine", "list"]),
    // CRM, cases, streams, notifications.
    GoldenCase(name: "crm-account-add", arguments: ["crm", "account", "add", "Globex", "--email", "hello@globex.example"]),
    GoldenCase(name: "crm-contact-add", arguments: ["crm", "contact", "add", "Hank", "--email", "hank@globex.example"]),
    GoldenCase(name: "crm-lead-add", arguments: ["crm", "lead", "add", "Nobody"]),
    GoldenCase(
      name: "crm-lead-convert", arguments: ["crm", "lead", "convert", "lead:1", "--account", "account:1", "--new-contact", "Lee"]),
    GoldenCase(name: "crm-opportunity-add", arguments: ["crm", "opportunity", "add", "Acme upgrade", "--account", "account:1"]),
    GoldenCase(name: "crm-list", arguments: ["crm", "list", "contact"]),
    GoldenCase(name: "crm-show", arguments: ["crm", "show", "contact:1"]),
    GoldenCase(name: "follow", arguments: ["follow", "account:1"]),
    GoldenCase(name: "unfollow", arguments: ["unfollow", "contact:1", "--user", "alice"]),
    GoldenCase(name: "case-create", arguments: ["case", "create", "Broken hinge", "--account", "account:1"]),
    GoldenCase(name: "case-list", arguments: ["case", "list"]),
    GoldenCase(name: "case-show", arguments: ["case", "show", "1"]),
    GoldenCase(name: "case-status", arguments: ["case", "status", "1", "closed"]),
    GoldenCase(name: "case-assign", arguments: ["case", "assign", "1", "bob"]),
    GoldenCase(name: "case-preview", arguments: ["case", "preview", "support", "--count", "2"]),
    GoldenCase(name: "case-preview-nobody", arguments: ["case", "preview", "sales"]),
    GoldenCase(name: "stream-show", arguments: ["stream", "show", "case:1"]),
    GoldenCase(name: "notification-list", arguments: ["notification", "list"], login: "alice"),
    GoldenCase(name: "notification-read", arguments: ["notification", "read", "--all"], login: "alice"),
    GoldenCase(name: "notification-preferences", arguments: ["notification", "preferences", "--email", "assigned,followed"], login: "alice"),
    // Sending, templates.
    GoldenCase(name: "outbox-list", arguments: ["outbox", "list"]),
    GoldenCase(name: "outbox-requests", arguments: ["outbox", "requests"], login: "alice"),
    GoldenCase(name: "outbox-retry", arguments: ["outbox", "retry", "--failed", "--timeout", "2"], status: 69),
    GoldenCase(name: "outbound-show", arguments: ["outbound", "show"]),
    GoldenCase(name: "outbound-set-default", arguments: ["outbound", "set-default", "support"]),
    GoldenCase(name: "template-add", arguments: ["template", "add", "bye", "--subject", "Bye {person.name}", "--body", "Case {case.number} is closed."]),
    GoldenCase(name: "template-list", arguments: ["template", "list"]),
    GoldenCase(name: "template-set", arguments: ["template", "set", "notice", "--subject", "Notice for {case.assignee}"]),
  ]

  @Test(arguments: cases)
  func commandOutput(_ golden: GoldenCase) throws {
    let store = try GoldenJSONStore.shared.get().clone()
    let result = store.run(golden.arguments + ["--format", "json"], as: golden.login, stdin: golden.stdin)
    try GoldenJSON.check(golden.name, result, status: golden.status, replacing: [store.path: "<store-dir>/store.sqlite", store.directory.path: "<store-dir>"])
  }

  @Test func initOutput() throws {
    let store = try TestStore(initialise: false)
    let result = store.run(["init", "--format", "json"])
    try GoldenJSON.check("init", result, replacing: [store.path: "<store-dir>/store.sqlite", store.directory.path: "<store-dir>"])
  }

  @Test func keyCreateOutput() throws {
    let store = try GoldenJSONStore.shared.get().clone()
    try FileManager.default.removeItem(atPath: store.keyFile)
    let result = store.run(["key", "create", "--format", "json"])
    try GoldenJSON.check("key-create", result, replacing: [store.path: "<store-dir>/store.sqlite", store.directory.path: "<store-dir>"])
  }

  @Test func emailAttachmentWrittenToAFile() throws {
    let store = try GoldenJSONStore.shared.get().clone()
    let result = store.run(["email", "attachment", "3", "2", "--output", store.directory.file("invoice.pdf"), "--format", "json"])
    try GoldenJSON.check("email-attachment-output", result, replacing: [store.path: "<store-dir>/store.sqlite", store.directory.path: "<store-dir>"])
  }

  @Test func everyGoldenFileHasItsTest() throws {
    let tested = Set(Self.cases.map(\.name) + ["init", "key-create", "email-attachment-output"] + GoldenJSONServerTests.names)
    let committed = Set(try GoldenJSON.committedNames())
    #expect(committed.subtracting(tested).isEmpty, "golden files no test writes: \(committed.subtracting(tested).sorted())")
    #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "two cases share a golden file")
  }
}

/// The golden JSON of the commands that need a mail server: `fetch` (a clean run and one with a
/// folder missing on the server) and quarantine from a private Dovecot; `send` and a successful
/// `outbox retry` through an aiosmtpd sink.
@Suite struct GoldenJSONServerTests {
  /// The golden files these tests write.
  static let names = [
    "fetch", "fetch-folder-error", "quarantine-list", "quarantine-show", "quarantine-drop", "account-status-fetched",
    "send", "outbox-list-sent", "outbox-retry-sent",
  ]

  @Test(.enabled(if: DovecotServer.shouldRun)) func fetchAndQuarantine() throws {
    let lab = try MailLab()
    let store = lab.store
    let box = try lab.mailbox("support")
    #expect(lab.addAccount("support", mailbox: box).status == 0)
    try lab.dovecot.deliver(
      [
        SampleMessage.make(id: "fetched-1@acme.example", subject: "Fetched", date: "Mon, 04 Mar 2024 10:00:00 +0000"),
        Array("\u{1}\u{2} this is not an email\n".utf8),
        SampleMessage.make(id: "fetched-2@acme.example", subject: "Also fetched", date: "Mon, 04 Mar 2024 11:00:00 +0000"),
      ], to: box)
    let replacing = [box: "<mailbox>", store.path: "<store-dir>/store.sqlite", store.directory.path: "<store-dir>"]
    try GoldenJSON.check("fetch", store.run(["fetch", "--all", "--format", "json"]), replacing: replacing)
    try GoldenJSON.check("quarantine-list", store.run(["quarantine", "list", "--format", "json"]), replacing: replacing)
    try GoldenJSON.check("quarantine-show", store.run(["quarantine", "show", "1", "--format", "json"]), replacing: replacing)
    try GoldenJSON.check("quarantine-drop", store.run(["quarantine", "drop", "1", "--format", "json"]), replacing: replacing)
    try GoldenJSON.check("account-status-fetched", store.run(["account", "status", "--format", "json"]), replacing: replacing)

    let other = try lab.mailbox("archive")
    #expect(lab.addAccount("archive", mailbox: other, extra: ["--folder", "INBOX", "--folder", "Missing"]).status == 0)
    try GoldenJSON.check(
      "fetch-folder-error", store.run(["fetch", "archive", "--format", "json"]), status: 66,
      replacing: replacing.merging([other: "<mailbox>"]) { $1 })
  }

  @Test(.enabled(if: SMTPSink.shouldRun)) func sendAndRetry() throws {
    let store = try TestStore()
    let sink = try SMTPSink.start(users: ["root-smtp": "pw"])
    defer { sink.stop() }
    try store.json(["user", "email", "add", "root", "root@example.com"])
    try store.json(["crm", "contact", "add", "Jane Roe", "--email", "jane@acme.example"])
    let added = store.run(
      [
        "account", "add", "root-mail", "--personal", "--owner", "root", "--address", "root@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "1", "--security", "none", "--username", "root", "--password-stdin", "--smtp-host", "127.0.0.1",
        "--smtp-port", "\(sink.port)", "--smtp-security", "none", "--smtp-username", "root-smtp",
      ], stdin: "pw\n")
    #expect(added.status == 0, "\(added.stderr)")
    let send = ["send", "--from", "root@example.com", "--to", "jane@acme.example", "--subject", "Quote", "--body", "Here."]
    try GoldenJSON.check("send", store.run(send + ["--parent", "contact:1", "--format", "json"]))
    try store.json(["account", "set", "root-mail", "--smtp-port", "1"])
    #expect(store.run(send + ["--timeout", "2"]).status == 69)
    try store.json(["account", "set", "root-mail", "--smtp-port", "\(sink.port)"])
    try GoldenJSON.check("outbox-retry-sent", store.run(["outbox", "retry", "--failed", "--format", "json"]))
    try GoldenJSON.check("outbox-list-sent", store.run(["outbox", "list", "--format", "json"]))
  }
}
