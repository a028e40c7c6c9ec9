import Testing

@testable import EspoMailMIME

/// The header pass's Message-ID scan (`MessageParser.messageID(inHeader:)`) against the parser's.
@Suite struct MessageIDScanTests {
  /// The scan's answer and the full header parse's, for one header block.
  private func both(_ header: String) throws -> (scanned: String?, parsed: String?) {
    let bytes = Array(header.utf8)
    return (MessageParser.messageID(inHeader: bytes), try MessageParser.parseHeaders(bytes).messageID)
  }

  @Test("the scan finds what the parser finds: any case, folded, with comments, CRLF or LF")
  func scanAgreesWithTheParser() throws {
    let headers = [
      "From: a@x\r\nMessage-ID: <one@x>\r\nSubject: s\r\n\r\nbody",
      "message-id:<two@x>\nSubject: s\n\n",
      "Subject: s\r\nMESSAGE-ID: (a comment)\r\n  <three@x>\r\n\r\n",
      "From: a@x\r\nMessage-ID: <four@x> (trailing)\r\nMessage-ID: <second@x>\r\n\r\n",
      "From: a@x\r\nMessage-Id:   bare@x  \r\n\r\n",
    ]
    for header in headers {
      let (scanned, parsed) = try both(header)
      #expect(scanned != nil, "\(header)")
      #expect(scanned == parsed, "\(header)")
    }
  }

  @Test("no Message-ID, one only in the body, or a header the parser must repair first: nil")
  func scanFindsNothingOutsideAPlainHeader() {
    #expect(MessageParser.messageID(inHeader: Array("From: a@x\r\nSubject: s\r\n\r\n".utf8)) == nil)
    #expect(MessageParser.messageID(inHeader: Array("From: a@x\r\n\r\nMessage-ID: <body@x>\r\n".utf8)) == nil)
    #expect(MessageParser.messageID(inHeader: Array("\r\nMessage-ID: <late@x>\r\n\r\n".utf8)) == nil)
    #expect(MessageParser.messageID(inHeader: Array("X-Message-ID: <other@x>\r\n\r\n".utf8)) == nil)
  }
}
