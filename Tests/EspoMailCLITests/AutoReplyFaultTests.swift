import EspoMailMIME
import EspoMailTestSupport
import Foundation
import Testing

/// Auto-replies under killed runs: a reply committed but not yet sent goes out with the next run,
/// and no email is ever answered twice (a reply cut off mid-transfer is not resent).
@Suite(.enabled(if: DovecotServer.shouldRun && SMTPSink.shouldRun), .serialized) struct AutoReplyFaultTests {
  @Test func killedRunsNeverAnswerAnEmailTwice() throws {
    // Its own Dovecot: killed clients must not disturb the server the other tests share.
    let server = try DovecotServer.start()
    defer { server.stop() }
    let lab = try MailLab(server: server)
    let box = try lab.mailbox("replies")
    let sink = try SMTPSink.start(users: [box: "pw-\(box)"])
    defer { sink.stop() }
    #expect(
      lab.addAccount(
        "replies", mailbox: box, extra: ["--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none"]
      ).status == 0)
    try lab.store.json(["template", "add", "ack", "--subject", "Got it", "--body", "Thanks."])
    try lab.store.json(["account", "set", "replies", "--auto-reply", "--reply-template", "ack", "--portion", "100000"])
    let count = 150
    try lab.dovecot.deliver(
      (1...count).map { SampleMessage.make(id: "ask-\($0)@cust.example", from: "c\($0)@cust.example", subject: "Ask \($0)") },
      to: box)
    let environment = lab.store.environment
    var kills = 0
    for delay in [0.3, 0.6, 0.9] {
      let process = try BinaryRunner.start(["fetch", "--all", "--quiet"], environment: environment)
      Thread.sleep(forTimeInterval: delay)
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
    }
    let finish = try BinaryRunner.run(["fetch", "--all"], environment: environment)
    #expect(finish.status == 0, "\(finish.stderr)")
    Thread.sleep(forTimeInterval: 0.5)
    let answered = try sink.messages().compactMap { try MessageParser.parseHeaders($0.bytes).inReplyTo }
    #expect(Set(answered).count == answered.count, "an email was answered twice")
    #expect(answered.count <= count)
    #expect(answered.count >= count - kills, "more replies lost than runs killed mid-send")
    #expect(try lab.store.json(["email", "list", "--limit", "1000"]).array().count == count)
  }
}
