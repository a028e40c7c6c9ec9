import EspoMailMIME
import Foundation
import Testing

@Test func headersKeepSourceOrderAndLookUpCaseInsensitively() throws {
  let message = try Fixture.parse("plain-text.eml")
  #expect(
    message.headers.map(\.name) == [
      "Return-Path", "Delivery-Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date",
      "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    ])
  #expect(message.header("content-type") == "text/plain; charset=utf-8")
  #expect(message.header("X-Missing") == nil)
  #expect(message.messageID == "<plain-1@example.com>")
  #expect(message.subject == "Quarterly numbers")
  #expect(message.date == Date(timeIntervalSince1970: 1_772_529_300))
  #expect(message.deliveryDate == Date(timeIntervalSince1970: 1_772_529_302))
}

@Test func subjectInUTF8BEncodingIsDecoded() throws {
  #expect(try Fixture.parse("subject-utf8-b.eml").subject == "Grüße aus München")
}

@Test func subjectInUTF8QEncodingIsDecoded() throws {
  #expect(try Fixture.parse("subject-utf8-q.eml").subject == "Café ☕ at noon")
}

@Test func subjectInISO88591IsDecoded() throws {
  let message = try Fixture.parse("subject-latin1.eml")
  #expect(message.subject == "Réunion d'équipe - làbas")
  #expect(message.header("Subject") == "Réunion d'équipe - làbas")
  #expect(message.textBody == "Grüße\n")
}

@Test func brokenEncodedWordsAreDecodedLoosely() throws {
  let message = try Fixture.parse("broken-encoded-word.eml")
  #expect(message.subject == "Cafés and crème brûlée =?utf-8?q?unterminated")
  #expect(message.from == [MailAddress(name: "André", address: "andre@example.com")])
}

@Test func missingMessageIDIsNil() throws {
  let message = try Fixture.parse("missing-message-id.eml")
  #expect(message.messageID == nil)
  #expect(message.subject == "No id")
}

@Test func missingDateIsNil() throws {
  let message = try Fixture.parse("missing-date.eml")
  #expect(message.date == nil)
  #expect(message.messageID == "<nodate-1@example.com>")
}

@Test func malformedDatesAreNil() throws {
  let message = try Fixture.parse("malformed-date.eml")
  #expect(message.header("Date") == "sometime next week, probably")
  #expect(message.date == nil)
  #expect(message.deliveryDate == nil)
}

@Test func foldedReferencesGiveEveryID() throws {
  let message = try Fixture.parse("references-folded.eml")
  #expect(message.references == ["<a1@example.com>", "<b2@example.org>", "<c3@example.com>"])
  #expect(message.inReplyTo == "<c3@example.com>")
  #expect(message.messageID == "<d4@example.net>")
}

@Test func headerOnlyParseReadsFieldsButNoBodies() throws {
  let message = try MessageParser.parseHeaders(Fixture.bytes("forward-rfc822.eml"))
  #expect(message.subject == "Fwd: Invoice 42")
  #expect(message.messageID == "<fwd-1@example.org>")
  #expect(message.to == [MailAddress(name: "Carol", address: "carol@example.net")])
  #expect(message.header("Content-Type") == "multipart/mixed; boundary=\"fwd-outer\"")
  #expect(message.textBody == nil)
  #expect(message.htmlBody == nil)
  #expect(message.attachments.isEmpty)
  #expect(message.nestedMessages.isEmpty)
}

/// An id without `@` (a real LKML patch series names `<yes>`) must not hide the ids after it, and
/// comments are no ids (GMime's parser stops at the first malformed id).
@Test func malformedReferenceKeepsTheIDsAfterIt() throws {
  let raw = Array(
    """
    From: a@example.com\r
    To: b@example.com\r
    Subject: x\r
    Message-ID: <m@example.com>\r
    In-Reply-To: <p@example.com> (message from "Joe <joe@example.com>" of Mon)\r
    References: <root@example.com> <yes>\r
     <p@\r
     example.com>\r
    \r
    body\r

    """.utf8)
  let message = try MessageParser.parse(raw)
  #expect(message.references == ["<root@example.com>", "<yes>", "<p@example.com>"])
  #expect(message.inReplyTo == "<p@example.com>")
}

@Test func bareReferencesStillParse() throws {
  let raw = Array("From: a@example.com\r\nReferences: bare@example.com\r\nSubject: x\r\n\r\nbody\r\n".utf8)
  #expect(try MessageParser.parse(raw).references == ["<bare@example.com>"])
}
