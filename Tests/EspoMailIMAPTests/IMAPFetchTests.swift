import EspoMailIMAP
import EspoMailTestSupport
import Testing

@Suite(.enabled(if: DovecotServer.shouldRun), .dovecot)
struct IMAPFetchTests {
  @Test func fetchesFiveHundredMessagesByteForByte() throws {
    let account = try TestAccount.make()
    let messages = (1...500).map { TestMessages.make($0, bodySize: 200 + ($0 * 37) % 3000) }
    try account.server.deliver(messages, to: account.user)
    let session = try account.session()
    defer { session.logout() }
    let status = try session.examine("INBOX")
    #expect(status.messages == 500)
    let uids = try session.uidSearch("ALL")
    #expect(uids == Array(1...500))
    #expect(try session.uidSearch("UID 491:*") == Array(491...500))

    let headers = try session.fetchHeaders(uids: uids)
    #expect(headers.map(\.uid) == uids)
    for header in headers {
      let original = messages[Int(header.uid) - 1]
      #expect(header.bytes == TestMessages.header(of: original))
      #expect(header.size == original.count)
      #expect(header.internalDate != nil)
      #expect(!header.flags.contains("\\Seen"))
    }

    var fetched: [UInt32] = []
    try session.fetchMessages(uids: uids.shuffled(), chunkSize: 64) { message in
      fetched.append(message.uid)
      #expect(message.bytes == messages[Int(message.uid) - 1], "UID \(message.uid)")
      #expect(message.size == message.bytes.count)
    }
    #expect(fetched == uids)
    // BODY.PEEK: nothing became \Seen.
    #expect(try session.status("INBOX").unseen == 500)
  }

  /// A message expunged by another client after SELECT comes back as `BODY[] NIL` (RFC 9051,
  /// `OK [EXPUNGEISSUED]`), or is omitted once the session has been told of the EXPUNGE: either
  /// way it is left out, never handed over as an empty message.
  @Test func expungedMessagesAreLeftOutNotHandedOverEmpty() throws {
    let account = try TestAccount.make()
    try account.server.deliver((1...5).map { TestMessages.make($0, bodySize: 100) }, to: account.user)
    let session = try account.session()
    defer { session.logout() }
    _ = try session.select("INBOX")
    try account.server.expunge(uids: [2], of: account.user)
    var bodies: [UInt32] = []
    try session.fetchMessages(uids: [1, 2, 3, 4, 5]) { message in
      bodies.append(message.uid)
      #expect(!message.bytes.isEmpty, "UID \(message.uid)")
    }
    #expect(bodies == [1, 3, 4, 5])
    try account.server.expunge(uids: [4], of: account.user)
    let headers = try session.fetchHeaders(uids: [1, 2, 3, 4, 5])
    #expect(headers.map(\.uid) == [1, 3, 5])
    #expect(headers.allSatisfy { !$0.bytes.isEmpty })
  }

  @Test func fetchesLongLinesHugeMessagesAndProtocolLookalikes() throws {
    let account = try TestAccount.make()
    let longLine = Array("Subject: long\r\n\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 300_000) + [13, 10]
    var huge = Array("Subject: huge\r\n\r\n".utf8)
    var line = 0
    while huge.count < 11 * 1024 * 1024 {
      line += 1
      huge += Array("\(line) Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\r\n".utf8)
    }
    let lookalike = Array(
      ("Subject: tricky\r\n\r\n* 3 FETCH (UID 1 BODY[] {4}\r\nE2 OK UID FETCH completed\r\n"
        + "E3 NO nope\r\n* BYE not really\r\n{999999}\r\n)\r\n.\r\n").utf8)
    for message in [longLine, huge, lookalike] { try account.server.deliver(message, to: account.user) }
    let session = try account.session()
    defer { session.logout() }
    _ = try session.examine("INBOX")
    var received: [UInt32: [UInt8]] = [:]
    try session.fetchMessages(uids: [1, 2, 3]) { received[$0.uid] = $0.bytes }
    #expect(received[1] == longLine)
    #expect(received[2]?.count == huge.count)
    #expect(received[2] == huge)
    #expect(received[3] == lookalike)
    #expect(try session.fetchHeaders(uids: [3]).first?.bytes == Array("Subject: tricky\r\n\r\n".utf8))
  }

  @Test func missingUIDsAreSkipped() throws {
    let account = try TestAccount.make()
    try account.server.deliver((1...3).map { TestMessages.make($0) }, to: account.user)
    let session = try account.session()
    defer { session.logout() }
    _ = try session.examine("INBOX")
    var uids: [UInt32] = []
    try session.fetchMessages(uids: [2, 40, 41, 3]) { uids.append($0.uid) }
    #expect(uids == [2, 3])
    #expect(try session.fetchHeaders(uids: []).isEmpty)
  }
}
