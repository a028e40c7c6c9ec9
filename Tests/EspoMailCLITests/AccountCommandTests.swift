import EspoMailTestSupport
import Foundation
import Testing

/// Account management without a server: validation, permissions, secrets.
@Suite struct AccountCommandTests {
  private func add(_ store: TestStore, _ name: String, _ extra: [String], as login: String? = nil, password: String = "Sekr3t-pw")
    -> CommandResult
  {
    store.run(
      ["account", "add", name] + extra + [
        "--address", "\(name)@example.com", "--imap-host", "imap.example.com", "--username", name, "--password-stdin",
      ], as: login, stdin: password + "\n")
  }

  @Test func groupAccountsAreForAdminsAndSecretsNeverShow() throws {
    let store = try TestStore()
    try store.json(["team", "add", "Support"])
    let added = add(store, "support", ["--group", "--team", "Support", "--folder", "INBOX", "--folder", "Cases"])
    #expect(added.status == 0, "\(added.stderr)")
    let shown = try store.json(["account", "show", "support"]).object()
    #expect(shown["secretSource"] as? String == "stored")
    #expect(shown["folders"] as? [String] == ["INBOX", "Cases"])
    #expect(shown["imapPort"] as? Int == 993)
    #expect(shown["teams"] as? [String] == ["Support"])
    #expect(shown["secretSetByAdmin"] as? Bool == true)
    try store.json([
      "account", "set", "support", "--smtp-host", "smtp.example.com", "--smtp-password-command", "pass show smtp",
      "--sent-folder", "Sent",
    ])
    let text = store.run(["account", "show", "support"]).stdout
    for line in [
      "smtp:        support@smtp.example.com:587 (starttls)", "smtp secret: password from command: pass show smtp",
      "sent folder: Sent", "auto-reply:  off",
    ] {
      #expect(text.contains(line), "\(line) missing from:\n\(text)")
    }
    #expect(try store.json(["account", "show", "support"]).object()["smtpSecretSource"] as? String == "command")
    for arguments in [["account", "show", "support"], ["account", "list"], ["account", "status"]] {
      for format in ["text", "json"] {
        let result = store.run(arguments + ["--format", format])
        #expect(!result.stdout.contains("Sekr3t") && !result.stderr.contains("Sekr3t"))
      }
    }
    let raw = String(decoding: try store.storedBytes(), as: Unicode.ASCII.self)
    #expect(!raw.contains("Sekr3t-pw"), "the password is stored in plain text")
    let key = try FileManager.default.attributesOfItem(atPath: store.keyFile)
    #expect((key[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    try store.json(["user", "add", "alice"])
    #expect(add(store, "other", ["--group"], as: "alice").status == 77)
    #expect(store.run(["account", "show", "support"], as: "alice").status == 77)
    #expect(try store.json(["account", "list"], as: "alice").array().isEmpty)
  }

  @Test func personalAccountsNeedThePermission() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice-mail@example.com"])
    try store.json(["user", "add", "bob", "--email", "bob-mail@example.com"])
    let denied = add(store, "alice-mail", ["--personal", "--owner", "alice"], as: "alice")
    #expect(denied.status == 77)
    #expect(denied.stderr.contains("personal-email-accounts=yes"))
    try store.json(["role", "create", "Mailer"])
    try store.json(["role", "set", "Mailer", "personal-email-accounts=yes"])
    try store.json(["user", "role", "add", "alice", "Mailer"])
    #expect(add(store, "alice-mail", ["--personal", "--owner", "alice"], as: "alice").status == 0)
    #expect(add(store, "bob-mail", ["--personal", "--owner", "bob"], as: "alice").status == 77)
    #expect(add(store, "bob-mail", ["--personal", "--owner", "bob"]).status == 0)  // admins manage anyone's
    #expect(try store.json(["account", "list"], as: "alice").array().map { $0["name"] as? String } == ["alice-mail"])
    #expect(store.run(["account", "set", "bob-mail", "--portion", "5"], as: "alice").status == 77)
    #expect(store.run(["account", "remove", "alice-mail"], as: "alice").status == 0)
  }

  @Test func usersAddAtMostTheLimitOfPersonalAccountsAdminsAny() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com", "--email", "a2@example.com", "--email", "a3@example.com"])
    try store.json(["role", "create", "Mailer"])
    try store.json(["role", "set", "Mailer", "personal-email-accounts=yes"])
    try store.json(["user", "role", "add", "alice", "Mailer"])
    func addOwn(_ name: String, _ address: String) -> CommandResult {
      store.run(
        [
          "account", "add", name, "--personal", "--owner", "alice", "--address", address, "--imap-host", "127.0.0.1",
          "--security", "none", "--username", name, "--password-stdin",
        ], as: "alice", stdin: "pw\n")
    }
    #expect(addOwn("one", "alice@example.com").status == 0)
    #expect(addOwn("two", "a2@example.com").status == 0)
    let third = addOwn("three", "a3@example.com")
    #expect(third.status == 77)
    #expect(third.stderr.contains("'alice' has 2 personal accounts, the most a user may add"))
    #expect(third.stderr.contains("setting set personal-account-limit 3"))
    try store.json(["setting", "set", "personal-account-limit", "3"])
    #expect(addOwn("three", "a3@example.com").status == 0)
    #expect(store.run(["setting", "set", "personal-account-limit", "0"]).status == 0)
    #expect(addOwn("four", "a3@example.com").status == 77)
    // Admins are not limited.
    #expect(
      store.run(
        [
          "account", "add", "four", "--personal", "--owner", "alice", "--address", "a3@example.com", "--imap-host",
          "127.0.0.1", "--security", "none", "--username", "four", "--password-stdin",
        ], stdin: "pw\n"
      ).status == 0)
  }

  @Test func badAccountInputIsRefusedWithTheReason() throws {
    let store = try TestStore()
    #expect(add(store, "a", []).status == 64)  // neither --group nor --personal
    #expect(add(store, "a", ["--group", "--personal"]).status == 64)
    #expect(add(store, "a", ["--personal"]).status == 64)  // no owner
    #expect(add(store, "a", ["--group", "--owner", "root"]).status == 64)
    #expect(add(store, "a", ["--personal", "--owner", "ghost"]).status == 66)
    #expect(add(store, "a", ["--group", "--imap-port", "70000"]).status == 65)
    #expect(add(store, "a", ["--group", "--fetch-since", "2026-02-30"]).status == 64)
    #expect(add(store, "a", ["--group", "--portion", "0"]).status == 65)
    #expect(add(store, "a", ["--group", "--team", "Nowhere"]).status == 66)
    #expect(add(store, "a", ["--group", "--folder", "INBOX", "--folder", "INBOX"]).status == 65)
    #expect(add(store, "a", ["--group"], password: "").status == 65)
    let twoSecrets = store.run([
      "account", "add", "a", "--group", "--address", "a@example.com", "--imap-host", "h", "--username", "u",
      "--password-stdin", "--password-command", "pass show mail",
    ])
    #expect(twoSecrets.status == 64)
    #expect(add(store, "a", ["--group"]).status == 0)
    #expect(add(store, "A", ["--group"]).status == 65)  // names are unique without case
    #expect(try store.json(["account", "list"]).array().count == 1)
  }

  @Test func setResetAndRemove() throws {
    let store = try TestStore()
    #expect(add(store, "support", ["--group"]).status == 0)
    let changed = try store.json([
      "account", "set", "support", "--security", "starttls", "--portion", "50", "--keep-unread", "--inactive",
      "--password-command", "echo from-command",
    ]).object()
    #expect(changed["imapPort"] as? Int == 143)  // default port follows the security mode
    #expect(changed["portion"] as? Int == 50)
    #expect(changed["keepUnread"] as? Bool == true)
    #expect(changed["isActive"] as? Bool == false)
    #expect(changed["secretSource"] as? String == "command")
    let reset = try store.json(["account", "reset", "support", "--since", "2026-11-01"]).object()
    #expect(reset["fetchSince"] as? String == "2026-11-01")
    #expect(store.run(["account", "reset", "support", "--since", "yesterday"]).status == 64)
    let all = try store.json(["account", "reset", "support", "--all"]).object()
    #expect(all["fetchSince"] is NSNull)  // back to all mail
    #expect(store.run(["account", "reset", "support"]).status == 64)
    #expect(store.run(["account", "reset", "support", "--all", "--since", "2026-11-01"]).status == 64)
    #expect(store.run(["fetch", "support"]).status == 65)  // inactive
    try store.json(["account", "remove", "support"])
    #expect(store.run(["account", "show", "support"]).status == 66)
    #expect(store.run(["fetch"]).status == 64)
  }

  @Test func emailImportAndRawShow() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    try store.grantOwnMail("alice")
    let file = store.directory.file("m.eml")
    let message = SampleMessage.make(id: "import-1@test.example", to: "alice@example.com", subject: "Imported")
    try Data(message).write(to: URL(fileURLWithPath: file))
    let imported = try store.json(["email", "import", file]).object()
    #expect(imported["merged"] as? Int == 0)
    let id = try #require(imported["id"] as? Int)
    #expect(try store.json(["email", "import", file]).object()["merged"] as? Int == 1)
    #expect(store.run(["email", "show", "\(id)", "--raw"]).stdout == String(decoding: message, as: UTF8.self))
    let mine = try store.json(["email", "list"], as: "alice").array()
    #expect(mine.map { $0["subject"] as? String } == ["Imported"])
    #expect(mine.first?["folder"] as? String == "inbox")
    try store.json(["user", "add", "bob"])
    #expect(store.run(["email", "show", "\(id)"], as: "bob").status == 77)
    #expect(try store.json(["email", "list"], as: "bob").array().isEmpty)
    #expect(store.run(["email", "import", store.directory.file("none.eml")]).status == 66)
    let garbage = store.run(["email", "import", "-"], stdin: "\u{1}\u{2}")
    #expect(garbage.status == 65)
    #expect(store.run(["email", "show", "999"]).status == 66)
  }
}
