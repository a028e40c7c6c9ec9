import EspoMailMIME
import Testing

@Test func gmimeLinksAndDecodesEncodedWords() {
  #expect(MIMELibrary.version.hasPrefix("3."))
  #expect(MIMELibrary.decodeHeader("=?UTF-8?B?Q2Fmw6k=?=") == "Café")
}
