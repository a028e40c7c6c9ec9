import EspoMailTestSupport
import Foundation
import Testing

/// A connection dropped mid-message and a server gone silent: the run reports the account,
/// imports nothing half-way, and the next run completes.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct NetworkFaultTests {
  private func messages(_ count: Int) -> [[UInt8]] {
    (1...count).map {
      SampleMessage.make(id: "fault-\($0)@test.example", subject: "Fault \($0)", body: String(repeating: "Payload line \($0).\n", count: 200))
    }
  }

  /// Emails in the store and ledger rows that say imported must agree exactly.
  private func consistent(_ lab: MailLab, account: String) throws -> Int {
    let emails = try lab.store.json(["email", "list", "--limit", "10000", "--account", account]).array()
    let status = try lab.store.json(["account", "status", account]).array()
    let imported = (status.first?["ledger"] as? [String: Int])?["imported"] ?? 0
    #expect(emails.count == imported, "emails \(emails.count) but ledger imported \(imported)")
    #expect(Set(emails.compactMap { $0["messageId"] as? String }).count == emails.count)
    return emails.count
  }

  @Test func aDroppedConnectionImportsNothingHalfWay() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("drop")
    try lab.dovecot.deliver(messages(600), to: box)
    let proxy = try FaultProxy(target: lab.dovecot.port, fault: .drop, afterBytes: 1_500_000)
    defer { proxy.stop() }
    lab.store.run([
      "account", "add", "drop", "--group", "--address", "drop@example.com", "--imap-host", "127.0.0.1", "--imap-port",
      "\(proxy.port)", "--security", "none", "--username", box, "--password-stdin", "--portion", "100000",
    ], stdin: "pw-\(box)\n")
    let first = try lab.fetch()
    #expect(first.status != 0)
    #expect(first.accounts["drop"]?["status"] as? String == "failed")
    let partial = try consistent(lab, account: "drop")
    #expect(partial < 600)
    let second = try lab.fetch()
    #expect(second.status == 0, "\(second.result.stderr)")
    #expect(try consistent(lab, account: "drop") == 600)
  }

  @Test func aSilentServerTimesOutAndTheRunMovesOn() throws {
    let lab = try MailLab()
    let slow = try lab.mailbox("slow")
    let fine = try lab.mailbox("fine")
    try lab.dovecot.deliver(messages(200), to: slow)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Fine"), to: fine)
    let proxy = try FaultProxy(target: lab.dovecot.port, fault: .stall, afterBytes: 300_000)
    defer { proxy.stop() }
    lab.store.run([
      "account", "add", "slow", "--group", "--address", "slow@example.com", "--imap-host", "127.0.0.1", "--imap-port",
      "\(proxy.port)", "--security", "none", "--username", slow, "--password-stdin",
    ], stdin: "pw-\(slow)\n")
    lab.addAccount("fine", mailbox: fine)
    let started = Date()
    let run = try lab.fetch(["--all", "--timeout", "2"])
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(run.status == 75)
    #expect(run.accounts["slow"]?["status"] as? String == "failed")
    #expect(run.accounts["fine"]?["new"] as? Int == 1)
    _ = try consistent(lab, account: "slow")
    #expect(try lab.fetch(["--all", "--timeout", "10"]).accounts["slow"]?["status"] as? String == "ok")
    #expect(try consistent(lab, account: "slow") == 200)
  }
}
