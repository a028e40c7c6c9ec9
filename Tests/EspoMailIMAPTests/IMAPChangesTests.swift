import EspoMailIMAP
import EspoMailTestSupport
import Testing

@Suite(.enabled(if: DovecotServer.shouldRun), .dovecot)
struct IMAPChangesTests {
  @Test func addedSeenFlagIsVisibleToAFreshSession() throws {
    let account = try TestAccount.make()
    try account.server.deliver((1...5).map { TestMessages.make($0) }, to: account.user)
    let session = try account.session()
    _ = try session.select("INBOX")
    try session.addFlags(["\\Seen", "$Imported"], uids: [2, 3, 5])
    session.logout()

    let fresh = try account.session()
    defer { fresh.logout() }
    _ = try fresh.examine("INBOX")
    let flags = Dictionary(uniqueKeysWithValues: try fresh.fetchHeaders(uids: [1, 2, 3, 4, 5]).map { ($0.uid, $0.flags) })
    #expect(flags[1]?.contains("\\Seen") == false)
    for uid: UInt32 in [2, 3, 5] {
      #expect(flags[uid]?.contains("\\Seen") == true)
      #expect(flags[uid]?.contains("$Imported") == true)
    }
    #expect(try fresh.status("INBOX").unseen == 2)
  }

  @Test(arguments: [false, true])
  func appendedMessageComesBack(bigMessage: Bool) throws {
    let account = try TestAccount.make()
    try account.server.createFolder("Gesendete Elemente", for: account.user)
    let message = TestMessages.make(7, bodySize: bigMessage ? 3_000_000 : 500)
    let session = try account.session()
    defer { session.logout() }
    try session.append(message, to: "Gesendete Elemente", flags: ["\\Seen"])
    let status = try session.examine("Gesendete Elemente")
    #expect(status.messages == 1)
    var fetched: [FetchedMessage] = []
    try session.fetchMessages(uids: try session.uidSearch("ALL")) { fetched.append($0) }
    #expect(fetched.count == 1)
    #expect(fetched.first?.bytes == message)
    #expect(fetched.first?.flags.contains("\\Seen") == true)
  }
}
