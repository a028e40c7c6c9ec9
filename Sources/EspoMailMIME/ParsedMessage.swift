import Foundation

/// A message as read by `MessageParser`: decoded headers, bodies in UTF-8, attachments and
/// forwarded messages.
public struct ParsedMessage: Sendable {
  /// The Message-ID with its angle brackets, trimmed; nil when absent or empty.
  public let messageID: String?
  /// The subject, RFC 2047 decoded; "" when absent.
  public let subject: String
  /// The From mailboxes (groups flattened, invalid addresses skipped).
  public let from: [MailAddress]
  /// The Sender mailbox, if any.
  public let sender: MailAddress?
  /// The Reply-To mailboxes.
  public let replyTo: [MailAddress]
  /// The To mailboxes.
  public let to: [MailAddress]
  /// The Cc mailboxes.
  public let cc: [MailAddress]
  /// The Bcc mailboxes.
  public let bcc: [MailAddress]
  /// The Date header; nil when missing or unparseable.
  public let date: Date?
  /// The Delivery-Date header; nil when missing or unparseable.
  public let deliveryDate: Date?
  /// The first message id of In-Reply-To, with angle brackets.
  public let inReplyTo: String?
  /// Every message id of References in order, each with angle brackets.
  public let references: [String]
  /// Every top-level header in order, values unfolded and decoded.
  public let headers: [(name: String, value: String)]
  /// The text/plain body in UTF-8 with LF line ends; several inline text parts are joined by "\n".
  public let textBody: String?
  /// The text/html body in UTF-8; several inline HTML parts are joined by "<br>".
  public let htmlBody: String?
  /// The first text/calendar (or application/ics) part's content.
  public let calendar: String?
  /// Attachments and inline parts, in message order; a forwarded message appears as an `.eml`.
  public let attachments: [MessageAttachment]
  /// Forwarded (message/rfc822) parts, parsed.
  public let nestedMessages: [ParsedMessage]
  /// What was wrong with the message's form and read despite it (empty for a well-formed one).
  public internal(set) var malformations: [Malformation] = []

  /// The first value of the header `name` (case-insensitive), if present.
  public func header(_ name: String) -> String? {
    headers.first { HeaderReader.sameName($0.name, name) }?.value
  }
}
