import EspoMailMIME
import Testing

@Test func undeclaredWindows1252BodyAndSubjectAreDecoded() throws {
  let message = try Fixture.parse("undeclared-8bit-cp1252.eml")
  #expect(message.subject == "Présentation – résumé")
  #expect(message.textBody == "Prix : 20 €\n“Bonjour”\n")
}

@Test func undeclaredUTF8BodyAndSubjectStayUTF8() throws {
  let message = try Fixture.parse("undeclared-8bit-utf8.eml")
  #expect(message.subject == "Déjà vu – encore")
  #expect(message.textBody == "Voilà : 20 €\n")
}

@Test func shiftJISBodyAndSubjectAreDecoded() throws {
  let message = try Fixture.parse("shift-jis.eml")
  #expect(message.subject == "お知らせ")
  #expect(message.textBody == "こんにちは、世界。\n")
}

@Test func iso2022JPBodyAndSubjectAreDecoded() throws {
  let message = try Fixture.parse("iso-2022-jp.eml")
  #expect(message.subject == "会議のお知らせ")
  #expect(message.textBody == "会議は明日です。\n")
}

@Test func koi8RBodyAndSubjectAreDecoded() throws {
  let message = try Fixture.parse("koi8-r.eml")
  #expect(message.subject == "Привет")
  #expect(message.textBody == "Привет, мир!\n")
}

@Test func gb2312Base64BodyAndSubjectAreDecoded() throws {
  let message = try Fixture.parse("gb2312.eml")
  #expect(message.subject == "你好")
  #expect(message.textBody == "你好，世界\n")
}
