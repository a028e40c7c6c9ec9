import EspoMailMIME
import Testing

@Test func plainTextMessageHasOnlyATextBody() throws {
  let message = try Fixture.parse("plain-text.eml")
  #expect(message.textBody == "Hello Bob,\n\nthe numbers are in.\n\nAnn\n")
  #expect(message.htmlBody == nil)
  #expect(message.attachments.isEmpty)
  #expect(message.nestedMessages.isEmpty)
}

@Test func alternativePicksTextAndHTML() throws {
  let message = try Fixture.parse("alternative.eml")
  #expect(
    message.textBody
      == "Café menu – today: soup, bread and a very long line that has to be wrapped by the encoder.")
  #expect(message.htmlBody == "<html><body><p>Café menu – <b>today</b></p></body></html>")
  #expect(message.attachments.isEmpty)
}

@Test func htmlOnlyMessageHasNoTextBody() throws {
  let message = try Fixture.parse("html-only.eml")
  #expect(message.textBody == nil)
  let html = try #require(message.htmlBody)
  #expect(html.hasPrefix("<html><head><title>Ignored</title>"))
  #expect(html.contains("<h1>Résumé</h1><p>Caf&eacute; &amp; cr&egrave;me&nbsp;brûlée</p>"))
  #expect(PlainText.fromHTML(html) == "Résumé\n\nCafé & crème brûlée\n\n- One\n- Two\nBye – ☺\nAnn")
}

@Test func zeroByteBodyIsAnEmptyText() throws {
  let message = try Fixture.parse("empty-body.eml")
  #expect(message.subject == "Empty")
  #expect(message.textBody == "")
  #expect(message.htmlBody == nil)
  #expect(message.attachments.isEmpty)
}

@Test func calendarInviteKeepsTheICSAndTheAttachment() throws {
  let message = try Fixture.parse("calendar-invite.eml")
  #expect(message.textBody == "You are invited to the planning meeting.")
  #expect(message.htmlBody == "<p>You are invited to the <b>planning meeting</b>.</p>")
  let calendar = try #require(message.calendar)
  #expect(calendar.hasPrefix("BEGIN:VCALENDAR\nVERSION:2.0\n"))
  #expect(calendar.contains("SUMMARY:Planning meeting\n"))
  #expect(calendar.hasSuffix("END:VCALENDAR"))
  #expect(message.attachments.map(\.filename) == ["invite.ics"])
  #expect(message.attachments.first?.contentType == "application/ics")
  #expect(message.attachments.first?.data.count == 313)
}
