import EspoMailMIME
import Foundation

/// Outgoing messages the composer tests share, by name.
enum ComposerSamples {
  /// Every sample's name.
  static let names = ["plain", "rich", "alternative", "attachments", "long-lines", "edge"]

  /// The sample called `name`.
  static func message(named name: String) -> OutgoingMessage {
    switch name {
    case "rich": rich()
    case "alternative": alternative()
    case "attachments": attachments()
    case "long-lines": longLines()
    case "edge": edge()
    default: plain()
    }
  }

  /// 2023-11-14 22:13:20 UTC.
  static let date = Date(timeIntervalSince1970: 1_700_000_000)

  /// A plain reply with ASCII headers.
  static func plain() -> OutgoingMessage {
    OutgoingMessage(
      from: MailAddress(name: "Support Team", address: "support@example.com"),
      to: [MailAddress(name: "Ann Lee", address: "ann@example.org")],
      subject: "Re: Printer on floor 3", text: "Hello Ann,\n\nthe printer is fixed.\n\n-- \nSupport\n",
      messageID: "<espomail.Case.12.1700000000.4821@example.com>", date: date,
      inReplyTo: "<CAF=abc123@mail.example.org>",
      references: ["<first@mail.example.org>", "<CAF=abc123@mail.example.org>"])
  }

  /// Non-ASCII everywhere, HTML, two attachments and the auto-reply headers.
  static func rich() -> OutgoingMessage {
    OutgoingMessage(
      from: MailAddress(name: "Jürgen Müller, Kundendienst", address: "juergen@example.com"),
      to: [
        MailAddress(name: "Zoë \"Zo\" Ångström", address: "zoe@example.org"),
        MailAddress(name: nil, address: "plain@example.org"),
      ],
      cc: [MailAddress(name: "山田 太郎", address: "yamada@example.jp")],
      replyTo: [MailAddress(name: "Kundendienst", address: "service@example.com")],
      subject: "[#42] Grüße aus Köln – Ihre Anfrage zu Rechnung Nr. 2023-11-0042 ist eingegangen und wird bearbeitet 🙂",
      text:
        "Guten Tag,\r\n\r\nwir haben Ihre Anfrage erhalten.\r\n.\r\nFrom here on: a line that starts with From and a lone dot above.\r\n",
      html: "<p>Guten Tag,</p><p>wir haben Ihre Anfrage <b>erhalten</b> – 🙂</p>",
      messageID: "<espomail.Case.42.1700000000.1234@example.com>", date: date,
      inReplyTo: "<original-42@mail.example.org>",
      extraHeaders: [
        (name: "Auto-Submitted", value: "auto-replied"), (name: "X-Auto-Response-Suppress", value: "All"),
        (name: "Precedence", value: "auto_reply"), (name: "X-Note", value: "Ünïcödé in an extra header"),
      ],
      attachments: [
        OutgoingAttachment(
          filename: "Rechnung über März.pdf", contentType: "application/pdf", data: Array(0...255) + Array(0...255)),
        OutgoingAttachment(
          filename: "notes.txt", contentType: "text/plain; charset=utf-8", data: Array("line 1\r\nline 2\n".utf8)),
      ])
  }

  /// Text and HTML, no attachments.
  static func alternative() -> OutgoingMessage {
    var message = plain()
    message.html = "<html><body><p>Hello Ann,</p><p>the printer is <i>fixed</i>.</p></body></html>"
    message.references = []
    return message
  }

  /// Text and attachments, no HTML; binary, empty and dotted files.
  static func attachments() -> OutgoingMessage {
    var message = plain()
    message.attachments = [
      OutgoingAttachment(
        filename: "photo.jpg", contentType: "image/jpeg", data: (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 31) }),
      OutgoingAttachment(filename: "empty.dat", contentType: "application/octet-stream", data: []),
      OutgoingAttachment(filename: "dots.txt", contentType: "text/plain", data: Array(".\r\n..\r\nFrom x\r\n".utf8)),
    ]
    return message
  }

  /// Lines far over 998 characters in the body, a subject with a 120-character word, many references.
  static func longLines() -> OutgoingMessage {
    var message = plain()
    message.subject =
      "See https://example.com/" + String(repeating: "a", count: 120) + " and " + String(repeating: "word ", count: 40)
      + "end"
    message.text = String(repeating: "0123456789", count: 250) + "\n" + String(repeating: "ä", count: 1500) + "\nend"
    message.references = (1...30).map { "<reference-\($0)-with-some-length@mail.example.org>" }
    return message
  }

  /// An empty subject and body, no To (only Cc), a name that needs quoting.
  static func edge() -> OutgoingMessage {
    OutgoingMessage(
      from: MailAddress(name: "O'Brien, Pat (IT) <admin>", address: "pat@example.com"), to: [],
      cc: [MailAddress(name: nil, address: "list@example.org")], subject: "", text: "",
      messageID: "<espomail.1700000000.9@example.com>", date: date)
  }
}
