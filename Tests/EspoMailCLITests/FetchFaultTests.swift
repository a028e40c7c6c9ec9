import EspoMailTestSupport
import Foundation
import Testing

/// A killed fetch and overlapping fetches never lose or duplicate mail (real binary, real Dovecot).
@Suite(.enabled(if: DovecotServer.shouldRun), .serialized) struct FetchFaultTests {
  /// A lab with one group account over `count` generated messages, driven through the binary.
  private func lab(count: Int) throws -> (MailLab, [String: String]) {
    let lab = try MailLab()
    let box = try lab.mailbox("bulk")
    #expect(lab.addAccount("bulk", mailbox: box, extra: ["--portion", "100000"]).status == 0)
    let messages = (1...count).map {
      SampleMessage.make(
        id: $0 % 10 == 0 ? nil : "bulk-\($0)@test.example", subject: "Message \($0)",
        body: String(repeating: "Line of text for message \($0).\n", count: 40))
    }
    try lab.dovecot.deliver(messages, to: box)
    return (lab, ["ESPOMAIL_STORE": lab.store.path])
  }

  private func settledCount(_ lab: MailLab) throws -> Int {
    let status = try lab.store.json(["account", "status", "bulk"]).array()
    return (status.first?["ledger"] as? [String: Int])?.values.reduce(0, +) ?? 0
  }

  /// Three kills by default; ten kills at random moments of a 2,000-message sync with
  /// `ESPOMAIL_HEAVY_FAULTS=1` (the benchmark scripts' heavy variant).
  @Test func aKilledFetchResumesWithoutDuplicates() throws {
    let heavy = ProcessInfo.processInfo.environment["ESPOMAIL_HEAVY_FAULTS"] == "1"
    let count = heavy ? 2000 : 1500
    let (lab, environment) = try lab(count: count)
    var kills = 0
    let delays = heavy ? (1...10).map { _ in Double.random(in: 0.05...0.6) } : [0.15, 0.3, 0.5]
    for delay in delays {
      let process = try BinaryRunner.start(["fetch", "--all", "--quiet"], environment: environment)
      Thread.sleep(forTimeInterval: delay)
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
    }
    let finish = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    #expect(finish.status == 0, "\(finish.stderr)")
    let emails = try lab.store.json(["email", "list", "--limit", "10000"]).array()
    #expect(emails.count == count)
    #expect(Set(emails.compactMap { $0["messageId"] as? String }).count == count)
    #expect(try settledCount(lab) == count)
    #expect(kills >= 1, "no run was still going when killed; the test proved nothing")
    let again = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    #expect((try again.object()["accounts"] as? [[String: Any]])?.first?["new"] as? Int == 0)
  }

  @Test func overlappingRunsSkipBusyAccounts() throws {
    let (lab, environment) = try lab(count: 1500)
    let first = try BinaryRunner.start(["fetch", "--all", "--quiet"], environment: environment)
    Thread.sleep(forTimeInterval: 0.1)
    let second = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    first.waitUntilExit()
    let health = (try? lab.store.json(["account", "status", "bulk"]).array()) ?? []
    let dovecotSays = lab.dovecot.logText().split(separator: "\n")
      .filter { $0.localizedCaseInsensitiveContains("bulk") || $0.contains("rror") || $0.contains("arning") || $0.contains("limit") }
      .suffix(30).joined(separator: "\n")
    #expect(first.terminationStatus == 0, "first run: \(health)\nDovecot: \(dovecotSays)")
    if second.status == 75 {
      let report = try second.object()["accounts"] as? [[String: Any]]
      #expect(report?.first?["status"] as? String == "busy")
      #expect(second.stderr.contains("bulk: busy"))
    } else {
      #expect(second.status == 0, "the second run neither waited its turn nor succeeded: \(second.stderr)")
    }
    let emails = try lab.store.json(["email", "list", "--limit", "10000"]).array()
    #expect(emails.count == 1500)
    #expect(try settledCount(lab) == 1500)
  }
}
