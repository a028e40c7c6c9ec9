import EspoMailTestSupport
import Foundation
import Testing

/// Sending as an agent (Docs/security.md, "Sending as an agent"): `send` through a user's own
/// database role queues a request, and the fetch service's next `fetch --all` sends it through
/// the real SMTP sink as that user, with every check `send` makes of them; a request they could
/// not have sent themselves is refused and nothing goes out, and none is sent twice.
@Suite(.enabled(if: TestStore.engine == .postgresql && SMTPSink.shouldRun)) struct AgentSendTests {
  @Test func theServiceSendsAnAgentsMailAsThemOnce() throws {
    let store = try TestStore()
    let server = try PostgresServer.shared.get()
    let database = try #require(URL(string: store.path)?.lastPathComponent)
    let sink = try SMTPSink.start(users: ["desk": "pw-desk"])
    defer { sink.stop() }
    try store.json(["team", "add", "Support"])
    try store.json(["role", "create", "Sender"])
    try store.json(["role", "set", "Sender", "group-email-account=team", "email.read=own"])
    for (login, team) in [("alice", "Support"), ("bob", nil)] as [(String, String?)] {
      try store.json(
        ["user", "add", login, "--email", "\(login)@example.com", "--db-role", "\(database)_\(login)", "--create-db-role"]
          + (team.map { ["--team", $0] } ?? []))
      try store.json(["user", "role", "add", login, "Sender"])
    }
    let added = store.run(
      ["account", "add", "desk", "--group", "--address", "desk@example.com", "--no-imap", "--team", "Support",
       "--smtp-shared", "--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none",
       "--username", "desk", "--password-stdin"], stdin: "pw-desk\n")
    #expect(added.status == 0, "\(added.stderr)")
    func asOwnRole(_ login: String) -> [String: String] {
      ["ESPOMAIL_STORE": store.path.replacingOccurrences(of: "//espomail@", with: "//\(database)_\(login)@")]
    }
    let file = store.directory.file("quote.txt")
    try Data("the quote\n".utf8).write(to: URL(fileURLWithPath: file))
    let send = ["send", "--from", "desk@example.com", "--to", "jane@acme.example", "--body", "Here it is.", "--format", "json"]
    let queued = store.run(send + ["--subject", "Quote", "--attach", file], environment: asOwnRole("alice"))
    #expect(queued.status == 0, "\(queued.stderr)")
    let request = try queued.object()
    #expect(request["status"] as? String == "queued" && request["requestedBy"] as? String == "alice")
    // bob shares no team with the account: queued all the same, refused when the service sends it.
    #expect(store.run(send + ["--subject", "Not mine"], environment: asOwnRole("bob")).status == 0)
    #expect(store.run(["send", "--from", "desk@example.com", "--to", "x", "--subject", "s", "--body", "b"],
                      environment: asOwnRole("bob")).status == 65, "a malformed address is refused at once")
    // Through psql a request can be made only for oneself, and only one's own are there to read.
    let ids = try server.psql("SELECT login || '=' || id FROM \"user\" ORDER BY login", database: database)
    let bobID = try #require(ids.split(separator: "\n").first { $0.hasPrefix("bob=") }?.split(separator: "=").last)
    #expect(throws: (any Error).self) {
      try server.psql(
        "INSERT INTO send_request(requested_by_user_id, from_address, recipients, subject, body) "
          + "VALUES (\(bobID), 'desk@example.com', '{\"to\":[\"x@y.example\"],\"cc\":[],\"bcc\":[]}', 's', 'b')",
        database: database, user: "\(database)_alice")
    }
    #expect(try server.psql("SELECT count(*) FROM send_request", database: database, user: "\(database)_alice")
      .trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    #expect(try sink.messages().isEmpty, "nothing goes out before the service's pass")

    let pass = store.run(["fetch", "--all", "--format", "json"])
    #expect(pass.status == 0, "\(pass.stderr)")
    #expect(pass.stderr.contains("send request") && pass.stderr.contains("bob"), "the refusal is told: \(pass.stderr)")
    let delivered = try sink.waitForMessages(count: 1)
    #expect(delivered.count == 1 && delivered.first?.mailFrom == "desk@example.com")
    #expect(delivered.first?.recipients == ["jane@acme.example"])
    let text = String(decoding: try #require(delivered.first?.bytes), as: UTF8.self)
    #expect(text.contains("Subject: Quote") && text.contains("quote.txt"))
    let ended = try #require(try pass.object()["sendRequests"] as? [[String: Any]])
    let byLogin = Dictionary(uniqueKeysWithValues: ended.map { ($0["requestedBy"] as? String ?? "", $0) })
    #expect(byLogin["alice"]?["status"] as? String == "sent" && byLogin["alice"]?["emailID"] is Int)
    #expect(byLogin["bob"]?["status"] as? String == "failed")
    #expect((byLogin["bob"]?["error"] as? String)?.contains("desk@example.com") == true, "\(byLogin["bob"] ?? [:])")

    // What alice sees through her own role: her request, sent, and the email in her mailbox.
    let mine = try store.run(["outbox", "requests", "--format", "json"], environment: asOwnRole("alice")).array()
    #expect(mine.count == 1 && mine.first?["status"] as? String == "sent")
    let emails = try store.run(["email", "list", "--format", "json"], environment: asOwnRole("alice")).array()
    #expect(emails.contains { $0["subject"] as? String == "Quote" })
    #expect(try store.json(["outbox", "requests"]).array().count == 2, "admins see every request")

    // The next pass sends nothing again.
    #expect(store.run(["fetch", "--all"]).status == 0)
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try sink.messages().count == 1)
  }
}
