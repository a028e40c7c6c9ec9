import EspoMailMIME
import Testing

@Test func groupsAreFlattenedAndQuotedNamesKeepTheirCommas() throws {
  let message = try Fixture.parse("address-groups.eml")
  #expect(message.from == [MailAddress(name: "Doe, Jane", address: "jane.doe@example.com")])
  #expect(
    message.to == [
      MailAddress(name: "Smith, Bob", address: "bob@example.com"),
      MailAddress(name: nil, address: "alice@example.com"),
      MailAddress(name: "Renée Dupont", address: "renee@example.fr"),
    ])
}

@Test func invalidAddressesAreSkippedAndAddressesTrimmed() throws {
  let message = try Fixture.parse("address-groups.eml")
  #expect(
    message.cc == [
      MailAddress(name: "O'Brien, Pat (Sales)", address: "pat@example.com"),
      MailAddress(name: "Eve", address: "eve@example.com"),
    ])
  #expect(message.replyTo == [MailAddress(name: nil, address: "replies@example.com")])
}

@Test func everyAddressHeaderIsRead() throws {
  let message = try Fixture.parse("plain-text.eml")
  #expect(message.from == [MailAddress(name: "Ann Example", address: "ann@example.com")])
  #expect(message.sender == MailAddress(name: "Mail Robot", address: "robot@example.com"))
  #expect(message.replyTo == [MailAddress(name: "Support", address: "support@example.com")])
  #expect(message.to == [MailAddress(name: "Bob Builder", address: "bob@example.org")])
  #expect(message.cc == [MailAddress(name: nil, address: "carol@example.net")])
  #expect(message.bcc == [MailAddress(name: nil, address: "dave@example.net")])
}

@Test func encodedDisplayNamesAreDecoded() throws {
  let message = try Fixture.parse("subject-latin1.eml")
  #expect(message.from == [MailAddress(name: "Jörg Müller", address: "joerg@example.de")])
}
