import EspoMailCurl
import Testing

@Test func libcurlLinksWithMailProtocols() {
  #expect(CurlLibrary.initialise())
  #expect(CurlLibrary.version.hasPrefix("7.") || CurlLibrary.version.hasPrefix("8."))
  for name in ["imap", "imaps", "smtp", "smtps"] { #expect(CurlLibrary.protocols.contains(name)) }
}
