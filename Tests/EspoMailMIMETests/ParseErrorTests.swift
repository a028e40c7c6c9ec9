import EspoMailCore
import EspoMailMIME
import Testing

@Test func unparseableBytesThrowDataError() throws {
  let error = try #require(throws: EspoMailError.self) { try Fixture.parse("unparseable.eml") }
  #expect(error.status == .dataError)
  #expect(error.message.hasPrefix("cannot parse message: "))
}

@Test func emptyInputThrowsDataError() throws {
  let error = try #require(throws: EspoMailError.self) { try MessageParser.parse([]) }
  #expect(error == EspoMailError(.dataError, "cannot parse message: empty input"))
  #expect(throws: EspoMailError.self) { try MessageParser.parseHeaders([]) }
}

@Test func textWithoutHeadersThrowsDataError() throws {
  let error = try #require(throws: EspoMailError.self) {
    try MessageParser.parse(Array("just some words\r\nand more words\r\n".utf8))
  }
  #expect(error.status == .dataError)
}
