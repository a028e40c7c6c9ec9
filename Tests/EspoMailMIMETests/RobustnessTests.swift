import EspoMailMIME
import Testing

/// `text` with LF line ends turned into CRLF, as IMAP delivers messages.
private func crlf(_ text: String) -> [UInt8] {
  Array(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n").utf8)
}

@Test func attachmentNamesLoseDirectoryPartsAndControlCharacters() throws {
  let message = try MessageParser.parse(
    crlf(
      """
      From: a@example.com
      Subject: paths
      Content-Type: multipart/mixed; boundary=b

      --b
      Content-Type: application/octet-stream
      Content-Disposition: attachment; filename="../../etc/passwd"

      x
      --b
      Content-Type: application/octet-stream
      Content-Disposition: attachment; filename="C:\\\\Temp\\\\report.pdf"

      y
      --b--
      """))
  #expect(message.attachments.map(\.filename) == ["passwd", "report.pdf"])
  #expect(message.attachments.map(\.contentType) == ["application/octet-stream", "application/pdf"])
}

@Test func deeplyNestedMultipartsDoNotCrash() throws {
  let depth = 2_000
  var text = "From: a@example.com\nSubject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n"
  for level in 1..<depth { text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
  text += "--b\(depth - 1)\nContent-Type: text/plain\n\ninnermost\n"
  for level in stride(from: depth - 1, through: 0, by: -1) { text += "--b\(level)--\n" }
  let message = try MessageParser.parse(crlf(text))
  #expect(message.subject == "deep")
  #expect(message.textBody == nil)
}

@Test func headerOnlyBytesParse() throws {
  let message = try MessageParser.parseHeaders(crlf("Subject: =?UTF-8?Q?h=C3=A9?=\nFrom: x@example.com\n"))
  #expect(message.subject == "hé")
  #expect(message.from == [MailAddress(name: nil, address: "x@example.com")])
  #expect(message.textBody == nil)
}

@Test func declaredButUnknownCharsetFallsBack() throws {
  let message = try MessageParser.parse(
    [UInt8]("Subject: x\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\ncaf".utf8) + [0xE9])
  #expect(message.textBody == "café")
}
