import EspoMailTestSupport
import Foundation
import Testing

/// Who sees which emails, by role level; secrets never shown; hostile input harmless.
@Suite struct AccessTests {
  /// A store with three imported emails:
  /// - "Team mail": fetched by the Support group account, to alice (users: alice, bob; team Support);
  /// - "Carol's": to carol (users: carol, root);
  /// - "Nobody's": to an outsider (users: root).
  /// Users: reader (all), teamer (team, joined Support after the import), carol (own), alice (no),
  /// newbie (no role at all).
  private func store() throws -> TestStore {
    let store = try TestStore()
    try store.json(["team", "add", "Support"])
    try store.json(["user", "add", "alice", "--email", "alice@example.com", "--team", "Support"])
    try store.json(["user", "add", "bob", "--team", "Support"])
    try store.json(["user", "add", "carol", "--email", "carol@example.com"])
    for login in ["reader", "teamer", "newbie"] { try store.json(["user", "add", login]) }
    let added = store.run(
      [
        "account", "add", "support", "--group", "--address", "support@example.com", "--imap-host", "imap.example.com",
        "--username", "support", "--password-stdin", "--team", "Support",
      ], stdin: "Top-Secret-9\n")
    #expect(added.status == 0)
    let files: [(String, [UInt8], [String])] = [
      ("team.eml", SampleMessage.make(to: "alice@example.com", subject: "Team mail"), ["--account", "support"]),
      ("carol.eml", SampleMessage.make(to: "carol@example.com", subject: "Carol's"), []),
      ("nobody.eml", SampleMessage.make(to: "x@outside.example", subject: "Nobody's"), []),
    ]
    for (name, bytes, extra) in files {
      let path = store.directory.file(name)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      try store.json(["email", "import", path] + extra)
    }
    try store.json(["team", "member", "add", "Support", "teamer"])
    for (role, level) in [("All", "all"), ("Team", "team"), ("Own", "own"), ("No", "no")] {
      try store.json(["role", "create", role])
      try store.json(["role", "set", role, "email.read=\(level)"])
    }
    for (login, role) in [("reader", "All"), ("teamer", "Team"), ("carol", "Own"), ("alice", "No")] {
      try store.json(["user", "role", "add", login, role])
    }
    return store
  }

  @Test(arguments: [
    ("root", ["Carol's", "Nobody's", "Team mail"]), ("reader", ["Carol's", "Nobody's", "Team mail"]),
    ("teamer", ["Team mail"]), ("carol", ["Carol's"]), ("alice", []), ("newbie", []),
  ])
  func emailVisibilityFollowsTheReadLevel(_ login: String, _ expected: [String]) throws {
    let store = try store()
    let seen = try store.json(["email", "list"], as: login).array().compactMap { $0["subject"] as? String }.sorted()
    #expect(seen == expected)
    let searched = try store.json(["email", "list", "--search", "mail"], as: login).array()
    #expect(searched.count == (expected.contains("Team mail") ? 1 : 0))
    let all = try store.json(["email", "list"]).array()
    for email in all {
      let id = try #require(email["id"] as? Int)
      let subject = email["subject"] as? String ?? ""
      let status = expected.contains(subject) ? Int32(0) : 77
      #expect(store.run(["email", "show", "\(id)"], as: login).status == status, "\(login) show \(subject)")
      #expect(store.run(["explain", "\(id)"], as: login).status == status, "\(login) explain \(subject)")
    }
  }

  @Test func deleteIsDeniedByDefault() throws {
    let store = try store()
    let id = try #require(try store.json(["email", "list"]).array().first?["id"] as? Int)
    let denied = store.run(["email", "delete", "\(id)", "--yes"], as: "reader")
    #expect(denied.status == 77)
    #expect(denied.stderr.contains("email.delete"))
    try store.json(["role", "set", "All", "email.delete=all"])
    try store.json(["email", "delete", "\(id)", "--yes"], as: "reader")
  }

  @Test func noCommandEverShowsTheStoredPassword() throws {
    let store = try store()
    let commands: [[String]] = [
      ["account", "show", "support"], ["account", "list"], ["account", "status"], ["account", "test", "support", "--timeout", "2"],
      ["fetch", "support", "--timeout", "2"], ["fetch", "--all", "--dry-run", "--timeout", "2"],
      ["account", "set", "support", "--imap-host", "127.0.0.1", "--imap-port", "1"], ["fetch", "--all", "--timeout", "2"],
      ["account", "status", "support"], ["user", "list"], ["email", "list"],
    ]
    for arguments in commands {
      for extra in [[], ["--format", "json"], ["--verbose"]] {
        let result = store.run(arguments + extra)
        #expect(!result.stdout.contains("Top-Secret") && !result.stderr.contains("Top-Secret"), "\(arguments) leaked it")
        #expect(!result.stdout.contains("VG9wLVNlY3JldC05"), "\(arguments) leaked its base64")
      }
    }
    let raw = try store.storedBytes()
    #expect(raw.range(of: Data("Top-Secret-9".utf8)) == nil)
  }

  @Test func hostileTextIsStoredVerbatimAndHarmless() throws {
    let store = try TestStore()
    let hostile = ["Robert'); DROP TABLE user;--", "\"quoted\" and 'single'", "semi;colon -- comment", "%_* wildcards", "ünïcødé ✓"]
    for (index, text) in hostile.enumerated() {
      try store.json(["team", "add", text])
      try store.json(["role", "create", "role \(text)"])
      try store.json(["user", "add", "user\(index)", "--name", text])
      let account = try store.json(["crm", "account", "add", text]).object()
      #expect(account["name"] as? String == text)
      let created = try store.json(["case", "create", text, "--description", text]).object()
      #expect(created["name"] as? String == text)
      try store.json(["folder", "add", "f \(text)"])
      try store.json(["filter", "create", "filter \(text)", "--user", "root", "--subject", text, "--action", "none"])
      #expect(try store.json(["email", "list", "--search", text]).array().isEmpty)
    }
    #expect(try store.json(["team", "list"]).array().compactMap { $0["name"] as? String }.sorted() == hostile.sorted())
    #expect(try store.json(["user", "list"]).array().count == hostile.count + 1)
    #expect(store.run(["user", "add", "x", "--email", "a@b.co>\r\nBcc: evil@x.example"]).status == 65)
    #expect(store.run(["team", "add", "line\nbreak"]).status == 65)
  }

  @Test func anotherOperatingSystemUserCannotOpenTheStore() throws {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
    let directory = try TemporaryDirectory()
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    let env = ["ESPOMAIL_STORE": directory.file("s.sqlite")]
    #expect(try BinaryRunner.run(["init"], environment: env).status == 0)
    let result = try BinaryRunner.run(
      ["user", "list"], environment: env, wrapper: ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"])
    let message = result.stderr
    #expect(result.status == 77, "\(message)")
    #expect(message.contains("may not open the store"))
  }
}
