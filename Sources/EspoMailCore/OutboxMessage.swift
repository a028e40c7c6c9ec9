/// A message in the outbox as an admin sees it: what it is, where it goes, how sending went.
public struct OutboxMessage: Equatable, Sendable, StableJSON {
  /// Store id.
  public var id: Int64
  /// auto-reply or user (sent with `send`).
  public var kind: String
  /// The account whose SMTP sends it.
  public var account: String?
  /// The email it is (sent mail) or answers (auto-replies).
  public var emailID: Int64?
  /// Envelope sender.
  public var from: String
  /// Envelope recipients.
  public var recipients: [String]
  /// queued, sending (claimed; after a crash its fate is unknown), sent, failed or suppressed.
  public var status: String
  /// How many times sending was tried.
  public var attempts: Int
  /// The last failure, as the server or the network said it.
  public var lastError: String?
  /// When it was queued.
  public var createdAt: String
  /// When it went out.
  public var sentAt: String?

  /// Creates a message summary.
  public init(
    id: Int64, kind: String, account: String?, emailID: Int64?, from: String, recipients: [String], status: String,
    attempts: Int, lastError: String?, createdAt: String, sentAt: String?
  ) {
    self.id = id
    self.kind = kind
    self.account = account
    self.emailID = emailID
    self.from = from
    self.recipients = recipients
    self.status = status
    self.attempts = attempts
    self.lastError = lastError
    self.createdAt = createdAt
    self.sentAt = sentAt
  }
}
