import Foundation

/// Everything `MessageComposer` needs to write one outgoing message.
public struct OutgoingMessage: Sendable {
  /// The author (From).
  public var from: MailAddress
  /// The To mailboxes.
  public var to: [MailAddress]
  /// The Cc mailboxes. Bcc recipients never appear in the message; give them to the SMTP envelope.
  public var cc: [MailAddress]
  /// The Reply-To mailboxes.
  public var replyTo: [MailAddress]
  /// The subject, in any script (RFC 2047 encoded when not ASCII).
  public var subject: String
  /// The plain-text body.
  public var text: String
  /// The HTML body; when given the message is multipart/alternative (text, then HTML).
  public var html: String?
  /// The Message-ID with angle brackets, written exactly as given.
  public var messageID: String
  /// The Date header.
  public var date: Date
  /// The Message-ID this message replies to, with angle brackets.
  public var inReplyTo: String?
  /// The References ids in order, each with angle brackets.
  public var references: [String]
  /// More headers in order, such as `Auto-Submitted`, `X-Auto-Response-Suppress`, `Precedence`;
  /// the headers the composer writes itself (From, Subject, Content-Type, …) are refused here.
  public var extraHeaders: [(name: String, value: String)]
  /// Files to attach; the message then is multipart/mixed.
  public var attachments: [OutgoingAttachment]

  /// Creates a message description.
  public init(
    from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: [MailAddress] = [], subject: String,
    text: String, html: String? = nil, messageID: String, date: Date, inReplyTo: String? = nil,
    references: [String] = [], extraHeaders: [(name: String, value: String)] = [],
    attachments: [OutgoingAttachment] = []
  ) {
    self.from = from
    self.to = to
    self.cc = cc
    self.replyTo = replyTo
    self.subject = subject
    self.text = text
    self.html = html
    self.messageID = messageID
    self.date = date
    self.inReplyTo = inReplyTo
    self.references = references
    self.extraHeaders = extraHeaders
    self.attachments = attachments
  }
}
