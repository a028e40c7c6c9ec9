import Testing

@testable import EspoMailCurl

@Suite struct SMTPTraceRedactionTests {
  @Test func envelopeCommandsAreShown() {
    #expect(
      CurlTraceRedactor.lines(source: .outgoing, text: "MAIL FROM:<a@example.com> SIZE=120\r\n") == [
        "> MAIL FROM:<a@example.com> SIZE=120"
      ])
    #expect(
      CurlTraceRedactor.lines(source: .outgoing, text: "RCPT TO:<b@example.org>\r\n") == ["> RCPT TO:<b@example.org>"])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "DATA\r\n") == ["> DATA"])
  }

  @Test func smtpLoginLinesAreHidden() {
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "AUTH LOGIN\r\n") == ["> AUTH LOGIN"])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "YW5u\r\n") == ["> <redacted>"])
    #expect(
      CurlTraceRedactor.lines(source: .outgoing, text: "AUTH XOAUTH2 dXNlcj1hbm4BYXV0aD1CZWFyZXIgdAEB\r\n") == [
        "> AUTH XOAUTH2 <redacted>"
      ])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "MAIL\r\n") == ["> <redacted>"])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "RCPT secret\r\n") == ["> <redacted>"])
  }
}
