@testable import EspoMailIMAP
import Testing

/// Parses one response given as text.
private func parse(_ text: String) throws -> ServerResponse {
  try ResponseParser.parse(Array(text.utf8))
}

@Suite struct ResponseParserTests {
  @Test func taggedCompletionWithCode() throws {
    let response = try parse("E7 NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n")
    #expect(
      response
        == .tagged(
          tag: "E7",
          ResponseState(
            condition: "NO", code: ResponseCode(name: "NONEXISTENT", arguments: ""),
            text: "Mailbox doesn't exist: Nope")))
  }

  @Test func untaggedCodesWithNumbers() throws {
    guard case .untagged(.state(let state)) = try parse("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n") else {
      Issue.record("not a state")
      return
    }
    #expect(state.code?.name == "UIDVALIDITY")
    #expect(state.code?.number == 3_857_529_045)
    guard case .untagged(.state(let next)) = try parse("* OK [UIDNEXT 42]\r\n") else { return }
    #expect(next.code?.number == 42)
    #expect(next.text == "")
    guard case .untagged(.state(let flags)) = try parse("* OK [PERMANENTFLAGS (\\Seen \\*)] Limited\r\n") else {
      return
    }
    #expect(flags.code == ResponseCode(name: "PERMANENTFLAGS", arguments: "(\\Seen \\*)"))
  }

  @Test func quotedStringsWithEscapesAndNil() throws {
    let response = try parse("* LIST (\\HasNoChildren) NIL \"a \\\"quoted\\\" \\\\ name\"\r\n")
    #expect(response == .untagged(.list(attributes: ["\\HasNoChildren"], delimiter: nil, rawName: "a \"quoted\" \\ name")))
  }

  @Test func listWithLiteralName() throws {
    let response = try parse("* LIST (\\Noselect \\HasChildren) \"/\" {8}\r\nEntw&APw\r\n")
    #expect(response == .untagged(.list(attributes: ["\\Noselect", "\\HasChildren"], delimiter: "/", rawName: "Entw&APw")))
  }

  @Test func nestedListsAndSections() throws {
    let text =
      "* 12 FETCH (UID 30 FLAGS (\\Seen $Label1) MODSEQ (77) BODY[HEADER.FIELDS (SUBJECT FROM)] {12}\r\n"
      + "Subject: x\r\n INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" X-LIST ((1 2) (\"a\" NIL (3))) RFC822.SIZE 4)\r\n"
    guard case .untagged(.fetch(let data)) = try parse(text) else {
      Issue.record("not a FETCH")
      return
    }
    #expect(data.sequence == 12)
    #expect(data.uid == 30)
    #expect(data.flags == ["\\Seen", "$Label1"])
    #expect(data.sections["BODY[HEADER.FIELDS (SUBJECT FROM)]"] == Array("Subject: x\r\n".utf8))
    #expect(data.internalDate == "17-Jul-1996 02:44:25 -0700")
    #expect(data.size == 4)
  }

  @Test func genericValues() throws {
    let value = try ResponseParser.value(of: Array("((1 \"t\\\"wo\" NIL) {3}\r\nabc nil \"\")\r\n".utf8))
    #expect(
      value
        == .list([
          .list([.atom("1"), .string(Array("t\"wo".utf8)), .none]), .string(Array("abc".utf8)), .none,
          .string([]),
        ]))
    let status = try parse("* STATUS \"Entw&APw-rfe\" (MESSAGES 3 UIDNEXT 9 UIDVALIDITY 1700000000 UNSEEN 2)\r\n")
    #expect(
      status
        == .untagged(
          .status(
            rawName: "Entw&APw-rfe", items: ["MESSAGES": 3, "UIDNEXT": 9, "UIDVALIDITY": 1_700_000_000, "UNSEEN": 2])))
  }

  @Test func searchCapabilityCountsAndContinuation() throws {
    #expect(try parse("* SEARCH 2 84 882\r\n") == .untagged(.search([2, 84, 882])))
    #expect(try parse("* SEARCH\r\n") == .untagged(.search([])))
    #expect(try parse("* SEARCH 5 6 (MODSEQ 917162500)\r\n") == .untagged(.search([5, 6])))
    #expect(try parse("* CAPABILITY IMAP4rev1 LITERAL+ IDLE\r\n") == .untagged(.capability(["IMAP4rev1", "LITERAL+", "IDLE"])))
    #expect(try parse("* 23 EXISTS\r\n") == .untagged(.exists(23)))
    #expect(try parse("* 3 EXPUNGE\r\n") == .untagged(.expunge(3)))
    #expect(try parse("+ Ready for literal data\r\n") == .continuation("Ready for literal data"))
    #expect(try parse("+\r\n") == .continuation(""))
    #expect(try parse("* ENABLED CONDSTORE\r\n") == .untagged(.other("ENABLED")))
  }

  @Test func byeIsAState() throws {
    #expect(
      try parse("* BYE Server shutting down\r\n")
        == .untagged(.state(ResponseState(condition: "BYE", code: nil, text: "Server shutting down"))))
  }

  @Test func malformedInputThrows() throws {
    #expect(throws: IMAPError.self) { try parse("* 1 FETCH (UID 1 BODY[] {10}\r\nabc)\r\n") }
    #expect(throws: IMAPError.self) { try parse("* LIST (\\X) \"/\" \"unterminated\r\n") }
    #expect(throws: IMAPError.self) { try parse("E1 MAYBE fine\r\n") }
    #expect(throws: IMAPError.self) { try parse("* 1 FETCH (UID)\r\n") }
  }
}
