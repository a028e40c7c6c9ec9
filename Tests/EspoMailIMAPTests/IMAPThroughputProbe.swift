import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

/// Not a timed test: prints fetch throughput when ESPOMAIL_IMAP_PROBE=1, asserting only correctness.
/// Run: ESPOMAIL_IMAP_PROBE=1 swift test --filter IMAPThroughputProbe
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ESPOMAIL_IMAP_PROBE"] == "1"), .dovecot)
struct IMAPThroughputProbe {
  @Test(arguments: [ConnectionSecurity.none, .tls])
  func fetchTwoThousandMessages(_ security: ConnectionSecurity) throws {
    let account = try TestAccount.make()
    let messages = (1...2000).map { TestMessages.make($0, bodySize: 3600) }
    try account.server.deliver(messages, to: account.user)
    let session = try IMAPClient(connecting: account.endpoint(security))
    defer { session.logout() }
    _ = try session.examine("INBOX")
    let uids = try session.uidSearch("ALL")
    for chunkSize in [200, 500] {
      var rates: [Double] = []
      for _ in 0..<5 {
        var count = 0
        var bytes = 0
        let started = ContinuousClock.now
        try session.fetchMessages(uids: uids, chunkSize: chunkSize) {
          count += 1
          bytes += $0.bytes.count
        }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(count == 2000)
        rates.append(Double(count) / seconds)
      }
      let median = rates.sorted()[rates.count / 2]
      let size = messages.reduce(0) { $0 + $1.count } / messages.count
      print("probe \(security) chunk \(chunkSize): \(Int(median)) messages/s (median of 5, \(size) bytes each)")
    }
  }
}
