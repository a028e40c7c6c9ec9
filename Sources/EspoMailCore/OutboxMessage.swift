/// What an outbox message is; the raw values are the store's and the JSON's `kind`.
public enum OutboxKind: String, CaseIterable, Codable, Sendable {
  /// An automatic reply to fetched mail.
  case autoReply = "auto-reply"
  /// A notification sent by mail.
  case notification
  /// Mail a user sent with `send`.
  case user
}

/// Where an outbox message stands; the raw values are the store's and the JSON's `status`.
public enum OutboxStatus: String, CaseIterable, Codable, Sendable {
  /// Waiting to be sent (after the fetch that queued it commits).
  case queued
  /// Claimed by a sender; after a crash its fate is unknown.
  case sending
  /// Accepted by the SMTP server.
  case sent
  /// Refused, or the server could not be reached (see the error).
  case failed
  /// Never to be sent (an auto-reply over the rate limit).
  case suppressed
}

/// A message in the outbox as an admin sees it: what it is, where it goes, how sending went.
public struct OutboxMessage: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// auto-reply or user (sent with `send`).
  public var kind: OutboxKind
  /// The account whose SMTP sends it.
  public var account: String?
  /// The email it is (sent mail) or answers (auto-replies).
  public var emailID: Int64?
  /// Envelope sender.
  public var from: String
  /// Envelope recipients.
  public var recipients: [String]
  /// Where it stands.
  public var status: OutboxStatus
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
    id: Int64, kind: OutboxKind, account: String?, emailID: Int64?, from: String, recipients: [String], status: OutboxStatus,
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
