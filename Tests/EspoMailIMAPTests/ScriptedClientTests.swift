import EspoMailCore
import EspoMailCurl
@testable import EspoMailIMAP
import Testing

/// A session over a script, with a short timeout.
private func session(_ transport: ScriptedTransport, trace: ((String) -> Void)? = nil) -> IMAPClient {
  IMAPClient(transport: transport, timeoutSeconds: 1, trace: trace)
}

/// A body whose lines look like protocol lines, different per UID.
private func trickyBody(_ uid: UInt32) -> String {
  "Subject: \(uid)\r\n\r\n* 3 FETCH (UID 99 BODY[] {3}\r\nE2 OK fake completion\r\n{12}\r\n) end \(uid)\r\n"
}

/// Answers UID FETCH commands in reverse UID order, leaving out UID 5, with unsolicited responses
/// in between.
private func fetchResponder(_ line: String) -> String {
  let tag = ScriptedTransport.tag(of: line)
  let words = line.split(separator: " ")
  guard words.count > 3, words[1] == "UID", words[2] == "FETCH" else { return "\(tag) OK\r\n" }
  var uids: [UInt32] = []
  for part in words[3].split(separator: ",") {
    let bounds = part.split(separator: ":").compactMap { UInt32($0) }
    uids += Array((bounds[0])...(bounds.last ?? bounds[0]))
  }
  var reply = "* 9 EXISTS\r\n* 2 FETCH (FLAGS (\\Seen))\r\n"
  for uid in uids.reversed() where uid != 5 {
    let body = trickyBody(uid)
    reply += "* \(uid) FETCH (UID \(uid) RFC822.SIZE \(body.utf8.count) FLAGS (\\Recent) "
    reply += "INTERNALDATE \"02-Sep-2024 10:00:00 +0000\" BODY[] {\(body.utf8.count)}\r\n\(body))\r\n"
    reply += "* 4 EXPUNGE\r\n"
  }
  return reply + "\(tag) OK UID FETCH completed\r\n"
}

@Suite struct ScriptedClientTests {
  @Test func fetchMatchesByUIDAndPipelinesChunks() throws {
    let transport = ScriptedTransport(pieceSize: 7, respond: fetchResponder)
    var received: [UInt32: [UInt8]] = [:]
    try session(transport).fetchMessages(uids: [7, 1, 2, 3, 5], chunkSize: 2) { message in
      #expect(received[message.uid] == nil)
      received[message.uid] = message.bytes
      #expect(message.size == message.bytes.count)
      #expect(message.internalDate == "02-Sep-2024 10:00:00 +0000")
    }
    #expect(received.keys.sorted() == [1, 2, 3, 7])
    for (uid, bytes) in received { #expect(bytes == Array(trickyBody(uid).utf8)) }
    #expect(transport.sent.map { $0.split(separator: " ").prefix(4).joined(separator: " ") }
      == ["E1 UID FETCH 1:2", "E2 UID FETCH 3,5", "E3 UID FETCH 7"])
  }

  @Test func handlerErrorStopsDeliveryButKeepsTheSessionInStep() throws {
    struct Stop: Error {}
    let transport = ScriptedTransport { line in
      line.contains("UID SEARCH")
        ? "* SEARCH 1 2 3\r\n\(ScriptedTransport.tag(of: line)) OK\r\n" : fetchResponder(line)
    }
    let session = session(transport)
    var handed = 0
    #expect(throws: Stop.self) {
      try session.fetchMessages(uids: [1, 2, 3, 4], chunkSize: 2) { _ in
        handed += 1
        throw Stop()
      }
    }
    #expect(handed == 1)
    #expect(try session.uidSearch("ALL") == [1, 2, 3])
  }

  @Test func missingFolderIsNotFound() throws {
    let transport = ScriptedTransport { line in
      "\(ScriptedTransport.tag(of: line)) NO [NONEXISTENT] Mailbox doesn't exist: Entw&APw-rfe\r\n"
    }
    let session = session(transport)
    let error = try #require(throws: IMAPError.self) { try session.status("Entwürfe") }
    #expect(error == .folderNotFound("Entwürfe"))
    #expect(error.espoMailError.status == .notFound)
    #expect(error.espoMailError.message.contains("Entwürfe"))
    #expect(transport.sent.first?.contains("STATUS \"Entw&APw-rfe\" (MESSAGES UIDNEXT UIDVALIDITY UNSEEN)") == true)
  }

  @Test func statusReadsTheAnswerNamingTheFolderNeverAnotherFoldersCounters() throws {
    let others = "* STATUS Sent (MESSAGES 5 UIDNEXT 6 UIDVALIDITY 7 UNSEEN 0)\r\n* STATUS Spam (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 3 UNSEEN 1)\r\n"
    func answering(_ untagged: String) -> ScriptedTransport {
      ScriptedTransport { line in untagged + "\(ScriptedTransport.tag(of: line)) OK done\r\n" }
    }
    let mixed = answering(
      "* STATUS Sent (MESSAGES 5 UIDNEXT 6 UIDVALIDITY 7 UNSEEN 0)\r\n* STATUS inbox (MESSAGES 12 UIDNEXT 40 UIDVALIDITY 9 UNSEEN 2)\r\n"
        + "* STATUS Spam (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 3 UNSEEN 1)\r\n")
    #expect(try session(mixed).status("INBOX") == FolderStatus(messages: 12, uidNext: 40, uidValidity: 9, unseen: 2))
    let error = try #require(throws: IMAPError.self) { try session(answering(others)).status("Archive") }
    #expect(error == .malformedResponse("STATUS Archive was answered for other folders only"))
    // A lone answer that spells the name otherwise is the folder's.
    let lone = answering("* STATUS \"Archiv\" (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 5 UNSEEN 0)\r\n")
    #expect(try session(lone).status("Archive") == FolderStatus(messages: 3, uidNext: 4, uidValidity: 5, unseen: 0))
  }

  @Test func examineReadsCountersFromUntaggedCodes() throws {
    let transport = ScriptedTransport(pieceSize: 3) { line in
      let tag = ScriptedTransport.tag(of: line)
      return "* FLAGS (\\Seen)\r\n* 12 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
        + "* OK [UIDNEXT 4392] Predicted next UID\r\n\(tag) OK [READ-ONLY] done\r\n"
    }
    let status = try session(transport).examine("INBOX")
    #expect(status == FolderStatus(messages: 12, uidNext: 4392, uidValidity: 3_857_529_045, unseen: nil))
  }

  @Test func byeThenHangUpIsClosedByServer() throws {
    let transport = ScriptedTransport { _ in "* BYE Server shutting down\r\n" }
    transport.hangsUpWhenDrained = true
    let session = session(transport)
    let error = try #require(throws: IMAPError.self) { try session.listFolders() }
    #expect(error == .closedByServer("Server shutting down"))
    #expect(error.espoMailError.status == .unavailable)
    #expect(transport.isClosed)
    #expect(throws: IMAPError.closedByServer("Server shutting down")) { try session.listFolders() }
  }

  @Test func silentServerTimesOut() throws {
    let transport = ScriptedTransport { _ in "" }
    let error = try #require(throws: IMAPError.self) { try session(transport).listFolders() }
    #expect(error.espoMailError.status == .tryAgain)
  }

  @Test func appendWaitsForTheContinuation() throws {
    let message = Array("Subject: hi\r\n\r\nbody\r\n".utf8)
    let transport = ScriptedTransport { text in
      if text.hasPrefix("E1 APPEND") { return "+ Ready for literal data\r\n" }
      if text == "\r\n" { return "E1 OK [APPENDUID 7 3] Append completed\r\n" }
      return ""
    }
    try session(transport).append(message, to: "Gesendete Objekte", flags: ["\\Seen"])
    #expect(
      transport.sent
        == ["E1 APPEND \"Gesendete Objekte\" (\\Seen) {\(message.count)}\r\n", String(decoding: message, as: UTF8.self), "\r\n"])
  }

  @Test func appendToMissingFolderSendsNoMessage() throws {
    let transport = ScriptedTransport { text in
      text.hasPrefix("E1 APPEND") ? "E1 NO [TRYCREATE] Mailbox doesn't exist: Archiv\r\n" : ""
    }
    let session = session(transport)
    #expect(throws: IMAPError.folderNotFound("Archiv")) {
      try session.append(Array("x".utf8), to: "Archiv", flags: [])
    }
    #expect(transport.sent.count == 1)
  }

  @Test func unknownTagBreaksTheSession() throws {
    let transport = ScriptedTransport { _ in "Z9 OK who are you\r\n" }
    let session = session(transport)
    #expect(throws: IMAPError.self) { try session.listFolders() }
    #expect(transport.isClosed)
  }

  @Test func argumentsCannotInjectCommands() throws {
    let transport = ScriptedTransport { _ in "" }
    let session = session(transport)
    #expect(throws: IMAPError.self) { try session.uidSearch("ALL\r\nE9 LOGOUT") }
    #expect(throws: IMAPError.self) { try session.addFlags(["\\Seen)"], uids: [1]) }
    #expect(throws: IMAPError.self) { try session.append([], to: "x", flags: ["a b"]) }
    #expect(transport.sent.isEmpty)
    // Line breaks in folder names are not ASCII text, so modified UTF-7 encodes them.
    #expect(throws: IMAPError.self) { try session.status("evil\r\nE9 DELETE INBOX") }
    #expect(transport.sent == ["E1 STATUS \"evil&AA0ACg-E9 DELETE INBOX\" (MESSAGES UIDNEXT UIDVALIDITY UNSEEN)\r\n"])
  }

  @Test func traceShowsCommandsButNoBodies() throws {
    var lines: [String] = []
    let transport = ScriptedTransport(respond: fetchResponder)
    try session(transport, trace: { lines.append($0) }).fetchMessages(uids: [1]) { _ in }
    #expect(lines.first?.hasPrefix("> E1 UID FETCH 1 (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[])") == true)
    #expect(lines.contains { $0.hasPrefix("< * 1 FETCH (UID 1") && $0.hasSuffix("bytes]") })
    #expect(!lines.contains { $0.contains("fake completion") })
  }
}

/// The capabilities libcurl's connect phase read, taken instead of asking again.
@Suite struct ConnectCapabilityTests {
  private func lines(_ text: String) -> [[UInt8]] { text.split(separator: "|").map { Array("\($0)\r\n".utf8) } }

  @Test func theLastListAmongTheConnectRepliesIsTaken() {
    let client = IMAPClient(transport: ScriptedTransport { _ in "" }, timeoutSeconds: 1, trace: nil)
    let replies = lines(
      "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready|A001 CAPABILITY|* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR|A001 OK done")
    #expect(client.adoptCapabilities(from: replies))
    #expect(client.capabilities == ["IMAP4REV1", "AUTH=PLAIN", "SASL-IR"])
    // A greeting's code alone serves too; a tagged OK's code as well.
    #expect(client.adoptCapabilities(from: lines("* OK [CAPABILITY IMAP4rev1 IDLE] hi")))
    #expect(client.capabilities == ["IMAP4REV1", "IDLE"])
    #expect(client.adoptCapabilities(from: lines("A1 OK [CAPABILITY IMAP4rev1 NOTIFY] done")))
    #expect(client.capabilities == ["IMAP4REV1", "NOTIFY"])
  }

  @Test func noListOrGarbageLeavesTheSessionToAsk() {
    let client = IMAPClient(transport: ScriptedTransport { _ in "" }, timeoutSeconds: 1, trace: nil)
    #expect(!client.adoptCapabilities(from: []))
    #expect(!client.adoptCapabilities(from: lines("* OK ready|\u{1}\u{2} nonsense (((|* CAPABILITY")))
    #expect(client.capabilities.isEmpty)
  }
}
