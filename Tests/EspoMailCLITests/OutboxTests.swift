import EspoMailStore
import EspoMailTestSupport
import Foundation
import Testing

/// `outbox list` and `outbox retry` against a real aiosmtpd sink: failed mail is visible, sent
/// again once the server is back, never twice, and a message whose fate a crash left unknown is
/// sent again only when asked.
@Suite(.enabled(if: DovecotServer.shouldRun && SMTPSink.shouldRun)) struct OutboxTests {
  /// A lab where alice's personal account sends through a dead SMTP port, and one failed send.
  private func labWithFailedSend() throws -> (MailLab, SMTPSink, Int) {
    let lab = try MailLab()
    let store = lab.store
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    try store.grantOwnMail("alice")
    try store.grantPersonalMail("alice")
    let box = try lab.mailbox("alice")
    let sink = try SMTPSink.start(users: [box: "pw-\(box)"])
    let added = store.run(
      [
        "account", "add", "alice-mail", "--personal", "--owner", "alice", "--address", "alice@example.com",
        "--imap-host", "127.0.0.1", "--imap-port", "\(lab.dovecot.port)", "--security", "none", "--username", box,
        "--password-stdin", "--smtp-host", "127.0.0.1", "--smtp-port", "1", "--smtp-security", "none",
      ], stdin: "pw-\(box)\n")
    #expect(added.status == 0, "\(added.stderr)")
    let failed = store.run(
      ["send", "--from", "alice@example.com", "--to", "bob@partner.example", "--subject", "Quote", "--body", "b",
       "--timeout", "3"], as: "alice")
    #expect(failed.status == 69)
    let listed = try store.json(["outbox", "list", "--status", "failed"]).array()
    #expect(listed.count == 1)
    return (lab, sink, try #require(listed.first?["id"] as? Int))
  }

  @Test func failedMailIsListedAndSentOnceTheServerIsBack() throws {
    let (lab, sink, id) = try labWithFailedSend()
    defer { sink.stop() }
    let store = lab.store
    let message = try #require(try store.json(["outbox", "list"]).array().first)
    #expect(message["kind"] as? String == "user")
    #expect(message["account"] as? String == "alice-mail")
    #expect(message["recipients"] as? [String] == ["bob@partner.example"])
    #expect(message["attempts"] as? Int == 1)
    #expect((message["lastError"] as? String)?.isEmpty == false)
    #expect(message["sentAt"] is NSNull)
    #expect(store.run(["outbox", "list"], as: "alice").status == 77)  // it holds everyone's mail
    #expect(store.run(["outbox", "list", "--status", "lost"]).status == 64)
    #expect(store.run(["outbox", "retry"]).status == 64)

    // Still down: the retry fails again, says why, and counts the attempt.
    let again = store.run(["outbox", "retry", "\(id)", "--timeout", "3", "--format", "json"])
    #expect(again.status == 69)
    #expect(try again.array().first?["status"] as? String == "failed")
    #expect(try again.array().first?["attempts"] as? Int == 2)
    #expect(again.stderr.contains("message \(id)"))

    // Back up: every failed message goes out, once.
    try store.json(["account", "set", "alice-mail", "--smtp-port", "\(sink.port)"])
    let retried = try store.json(["outbox", "retry", "--failed"]).array()
    #expect(retried.map { $0["status"] as? String } == ["sent"])
    #expect(try sink.waitForMessages(count: 1).first?.recipients == ["bob@partner.example"])
    let sent = try store.json(["email", "list", "--folder", "sent"], as: "alice").array()
    #expect(sent.compactMap { $0["status"] as? String } == ["sent"])
    #expect(store.run(["outbox", "retry", "\(id)"]).status == 65)  // sent is sent
    #expect(try store.json(["outbox", "retry", "--failed"]).array().isEmpty)
    #expect(store.run(["outbox", "retry", "9999"]).status == 66)
    Thread.sleep(forTimeInterval: 0.5)
    #expect(try sink.messages().count == 1)
  }

  @Test func mailACrashLeftSendingIsSentAgainOnlyWhenAsked() throws {
    let (lab, sink, id) = try labWithFailedSend()
    defer { sink.stop() }
    try lab.store.json(["account", "set", "alice-mail", "--smtp-port", "\(sink.port)"])
    // A run claimed it and died before it could record how the transfer went.
    let store = try Store(openingAt: lab.store.path)
    let claimed = try store.write { tx in try tx.requeueOutboxEntry(id: Int64(id)) && tx.claimOutboxEntry(id: Int64(id)) }
    #expect(claimed)
    let refused = lab.store.run(["outbox", "retry", "\(id)"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("--resend-unconfirmed"))
    #expect(try lab.store.json(["outbox", "retry", "--failed"]).array().isEmpty)  // not failed: unknown
    let resent = try lab.store.json(["outbox", "retry", "\(id)", "--resend-unconfirmed"]).array()
    #expect(resent.first?["status"] as? String == "sent")
    #expect(try sink.waitForMessages(count: 1).count == 1)
  }
}
