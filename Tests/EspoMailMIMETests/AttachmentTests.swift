import EspoMailMIME
import Testing

/// The fake PDF the fixtures carry.
let fixturePDF = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

@Test func mixedMessageHasTextAndPDFAttachment() throws {
  let message = try Fixture.parse("mixed-pdf.eml")
  #expect(message.textBody == "Please find the report attached.")
  #expect(
    message.attachments == [
      MessageAttachment(
        filename: "report.pdf", contentType: "application/pdf", isInline: false, contentID: nil,
        data: fixturePDF)
    ])
}

@Test func relatedImageIsInlineWithContentID() throws {
  let message = try Fixture.parse("related-inline-png.eml")
  #expect(message.textBody == "Our logo is attached.")
  #expect(message.htmlBody == "<p>Our logo: <img src=\"cid:logo@example.com\" alt=\"logo\"></p>")
  let image = try #require(message.attachments.first)
  #expect(message.attachments.count == 1)
  #expect(image.filename == "logo.png")
  #expect(image.contentType == "image/png")
  #expect(image.isInline)
  #expect(image.contentID == "logo@example.com")
  #expect(image.data.count == 69)
  #expect(Array(image.data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
}

@Test func filenamesFollowRFC2231AndRFC2047AndFallBack() throws {
  let message = try Fixture.parse("rfc2231-filename.eml")
  #expect(
    message.attachments.map(\.filename) == [
      "Übersicht Q1 2026.pdf", "€ rates.csv", "naïve plan.docx", "attachment-4.zip",
    ])
  #expect(
    message.attachments.map(\.contentType) == [
      "application/pdf", "text/csv",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip",
    ])
  #expect(message.attachments[1].data == Array("currency,rate\r\nEUR,1.00".utf8))
  #expect(message.attachments.allSatisfy { !$0.isInline })
}

@Test func forwardedMessageIsParsedAndKeptAsEML() throws {
  let message = try Fixture.parse("forward-rfc822.eml")
  #expect(message.textBody == "See the forwarded message below.")
  let forwarded = try #require(message.nestedMessages.first)
  #expect(message.nestedMessages.count == 1)
  #expect(forwarded.subject == "Invoice 42")
  #expect(forwarded.messageID == "<invoice-42@example.com>")
  #expect(forwarded.from == [MailAddress(name: "Ann Example", address: "ann@example.com")])
  #expect(forwarded.textBody == "Invoice attached.")
  #expect(
    forwarded.attachments == [
      MessageAttachment(
        filename: "invoice-42.pdf", contentType: "application/pdf", isInline: false, contentID: nil,
        data: fixturePDF)
    ])
  let eml = try #require(message.attachments.first)
  #expect(message.attachments.count == 1)
  #expect(eml.filename == "Invoice 42.eml")
  #expect(eml.contentType == "message/rfc822")
  let source = String(decoding: try Fixture.bytes("forward-rfc822.eml"), as: UTF8.self)
  let start = try #require(source.range(of: "From: Ann Example")).lowerBound
  let end = try #require(source.range(of: "--fwd-inner--\r\n")).upperBound
  #expect(eml.data == Array(source[start..<end].utf8))
  let reparsed = try MessageParser.parse(eml.data)
  #expect(reparsed.subject == "Invoice 42")
  #expect(reparsed.attachments == forwarded.attachments)
}
