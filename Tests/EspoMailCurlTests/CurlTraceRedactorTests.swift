@testable import EspoMailCurl
import Testing

@Suite struct CurlTraceRedactorTests {
  @Test func loginArgumentsAreHidden() {
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "A002 LOGIN alice s3cret\r\n") == ["> A002 LOGIN <redacted>"])
    #expect(
      CurlTraceRedactor.lines(source: .outgoing, text: "A002 AUTHENTICATE PLAIN AGFsaWNlAHMzY3JldA==\r\n")
        == ["> A002 AUTHENTICATE PLAIN <redacted>"])
    #expect(
      CurlTraceRedactor.lines(source: .outgoing, text: "A002 AUTHENTICATE XOAUTH2 dXNlcj1hbGljZQFhdXRo\r\n")
        == ["> A002 AUTHENTICATE XOAUTH2 <redacted>"])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "A002 AUTHENTICATE LOGIN\r\n") == ["> A002 AUTHENTICATE LOGIN"])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "AUTH PLAIN AGFsaWNl\r\n") == ["> AUTH PLAIN <redacted>"])
  }

  @Test func saslResponsesAreHidden() {
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "YWxpY2U=\r\n") == ["> <redacted>"])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "czNjcmV0\r\n") == ["> <redacted>"])
  }

  @Test func harmlessLinesAreShown() {
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "A001 CAPABILITY\r\n") == ["> A001 CAPABILITY"])
    #expect(CurlTraceRedactor.lines(source: .outgoing, text: "A002 STARTTLS\r\n") == ["> A002 STARTTLS"])
    #expect(CurlTraceRedactor.lines(source: .incoming, text: "* OK ready\r\n") == ["< * OK ready"])
    #expect(CurlTraceRedactor.lines(source: .text, text: "Connected to x\n") == ["* Connected to x"])
    #expect(CurlTraceRedactor.lines(source: .data, text: "secret payload") == [])
  }
}
