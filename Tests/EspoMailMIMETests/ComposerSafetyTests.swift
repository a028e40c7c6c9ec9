import EspoMailCore
import EspoMailMIME
import Foundation
import Testing

@Suite struct ComposerSafetyTests {
  @Test(arguments: ["\r", "\n", "\r\n", "\0"])
  func headerSafetyRefusesLineBreaksAndNUL(bad: String) {
    let error = #expect(throws: EspoMailError.self) {
      try HeaderSafety.check("Hello" + bad + "Bcc: x@example.net", field: "Subject")
    }
    #expect(error?.status == .dataError)
    #expect(error?.message.hasPrefix("header injection refused: Subject contains") == true)
    #expect(error.map { !"\($0)".contains("Bcc") } == true, "the value is not echoed")
  }

  @Test(arguments: ["", "plain", "tab\there", "Grüße 🙂", "line\u{2028}separator", "a: b; c=d"])
  func headerSafetyAcceptsSingleLines(value: String) throws {
    try HeaderSafety.check(value, field: "Subject")
  }

  @Test(arguments: Injection.allCases)
  func composeRefusesInjectionNamingTheField(injection: Injection) {
    let error = #expect(throws: EspoMailError.self) { try MessageComposer.compose(injection.message) }
    #expect(error?.status == .dataError)
    #expect(
      error?.message.contains("injection refused: \(injection.field) contains") == true,
      "\(error.map { "\($0)" } ?? "")")
  }

  @Test(arguments: [
    "Subject", "from", "TO", "Cc", "Bcc", "Reply-To", "Date", "Message-ID", "In-Reply-To", "References", "MIME-Version",
    "Content-Type", "content-transfer-encoding",
  ])
  func extraHeadersMayNotReplaceTheComposersOwn(name: String) {
    var message = ComposerSamples.plain()
    message.extraHeaders = [(name: name, value: "x")]
    let error = #expect(throws: EspoMailError.self) { try MessageComposer.compose(message) }
    #expect(error?.status == .dataError)
    #expect(error?.message.contains("writes this header itself") == true)
  }

  @Test(arguments: ["X Custom", "X-Custom:", "", "Grüße"])
  func extraHeaderNamesMustBeFieldNames(name: String) {
    var message = ComposerSamples.plain()
    message.extraHeaders = [(name: name, value: "x")]
    let error = #expect(throws: EspoMailError.self) { try MessageComposer.compose(message) }
    #expect(error?.status == .dataError)
  }

  @Test func malformedValuesAreRefused() {
    var cases: [OutgoingMessage] = []
    var message = ComposerSamples.plain()
    message.to = [MailAddress(name: "Ann", address: "not-an-address")]
    cases.append(message)
    message = ComposerSamples.plain()
    message.from = MailAddress(name: nil, address: "support@ example.com")
    cases.append(message)
    for id in ["espomail.1@example.com", "<>", "<a b@example.com>", "<a<b>@example.com>"] {
      message = ComposerSamples.plain()
      message.messageID = id
      cases.append(message)
      message = ComposerSamples.plain()
      message.references = ["<ok@example.com>", id]
      cases.append(message)
    }
    for contentType in ["pdf", "application/", "application/pdf extra", "/pdf", "text/pl@in"] {
      message = ComposerSamples.plain()
      message.attachments = [OutgoingAttachment(filename: "a.pdf", contentType: contentType, data: [1])]
      cases.append(message)
    }
    message = ComposerSamples.plain()
    message.attachments = [OutgoingAttachment(filename: "", contentType: "application/pdf", data: [1])]
    cases.append(message)
    message = ComposerSamples.plain()
    message.date = Date(timeIntervalSince1970: -1)
    cases.append(message)
    for (index, outgoing) in cases.enumerated() {
      let error = #expect(throws: EspoMailError.self, "case \(index)") { try MessageComposer.compose(outgoing) }
      #expect(error?.status == .dataError, "case \(index)")
    }
  }

  @Test func extraHeadersMayCarryAutoReplyMarkersAndNonASCII() throws {
    var message = ComposerSamples.plain()
    message.extraHeaders = [
      (name: "Auto-Submitted", value: "auto-replied"), (name: "X-Auto-Response-Suppress", value: "All"),
      (name: "Precedence", value: "auto_reply"), (name: "X-Espo-Note", value: "Grüße"),
    ]
    let parsed = try MessageParser.parse(MessageComposer.compose(message))
    #expect(parsed.header("Auto-Submitted") == "auto-replied")
    #expect(parsed.header("X-Auto-Response-Suppress") == "All")
    #expect(parsed.header("Precedence") == "auto_reply")
    #expect(parsed.header("X-Espo-Note") == "Grüße")
  }
}

/// A line break smuggled into each kind of header value the composer writes.
enum Injection: CaseIterable, Sendable {
  case subject, fromName, fromAddress, toName, ccAddress, replyToName, messageID, inReplyTo, references
  case extraValue, extraName, filename, contentType

  /// The field the refusal must name.
  var field: String {
    switch self {
    case .subject: "Subject"
    case .fromName: "From name"
    case .fromAddress: "From address"
    case .toName: "To name"
    case .ccAddress: "Cc address"
    case .replyToName: "Reply-To name"
    case .messageID: "Message-ID"
    case .inReplyTo: "In-Reply-To"
    case .references: "References"
    case .extraValue: "header X-Campaign"
    case .extraName: "extra header name"
    case .filename: "attachment 1 filename"
    case .contentType: "attachment 1 content type"
    }
  }

  /// The plain sample with the injection in place.
  var message: OutgoingMessage {
    let evil = "\r\nBcc: victim@example.net"
    var message = ComposerSamples.plain()
    switch self {
    case .subject: message.subject += evil
    case .fromName: message.from = MailAddress(name: "Support" + evil, address: "support@example.com")
    case .fromAddress: message.from = MailAddress(name: nil, address: "support@example.com" + evil)
    case .toName: message.to = [MailAddress(name: "Ann\nBcc: victim@example.net", address: "ann@example.org")]
    case .ccAddress: message.cc = [MailAddress(name: nil, address: "bob@example.org\r")]
    case .replyToName: message.replyTo = [MailAddress(name: "Desk\0", address: "desk@example.com")]
    case .messageID: message.messageID = "<a@example.com>" + evil
    case .inReplyTo: message.inReplyTo = "<b@example.com>\n"
    case .references: message.references = ["<c@example.com>", "<d@example.com>\r\nX-Evil: 1"]
    case .extraValue: message.extraHeaders = [(name: "X-Campaign", value: "spring" + evil)]
    case .extraName: message.extraHeaders = [(name: "X-A\nBcc", value: "victim@example.net")]
    case .filename:
      message.attachments = [
        OutgoingAttachment(filename: "a.pdf\"\r\nContent-Type: text/html", contentType: "application/pdf", data: [1])
      ]
    case .contentType:
      message.attachments = [
        OutgoingAttachment(filename: "a.pdf", contentType: "application/pdf\r\nX-Evil: 1", data: [1])
      ]
    }
    return message
  }
}
