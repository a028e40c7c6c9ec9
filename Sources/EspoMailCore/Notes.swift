/// A stream note on a record ("email received", "case created", …).
public struct StreamNote: Equatable, Codable, Sendable {
  /// Store id.
  public var id: Int64
  /// The record whose stream it is in.
  public var record: RecordReference
  /// email-received, email-sent, create, assign, status or post.
  public var kind: String
  /// The email it is about, if any.
  public var emailID: Int64?
  /// The email's subject, if any.
  public var subject: String?
  /// The sender, if an email.
  public var from: String?
  /// Whether it is the note of the email that opened the record (cases).
  public var isInitial: Bool
  /// When it was written.
  public var createdAt: String

  /// Creates a note value.
  public init(
    id: Int64, record: RecordReference, kind: String, emailID: Int64?, subject: String?, from: String?,
    isInitial: Bool, createdAt: String
  ) {
    self.id = id
    self.record = record
    self.kind = kind
    self.emailID = emailID
    self.subject = subject
    self.from = from
    self.isInitial = isInitial
    self.createdAt = createdAt
  }
}

/// A notification for one user.
public struct UserNotification: Equatable, Codable, Sendable {
  /// Store id.
  public var id: Int64
  /// email-received (newly given an email), note (a followed record's stream) or assigned.
  public var kind: String
  /// The email it is about, if any.
  public var emailID: Int64?
  /// The record it is about, if any.
  public var record: RecordReference?
  /// One line for people.
  public var message: String
  /// Whether the user has read it.
  public var isRead: Bool
  /// When it was made.
  public var createdAt: String

  /// Creates a notification value.
  public init(
    id: Int64, kind: String, emailID: Int64?, record: RecordReference?, message: String, isRead: Bool,
    createdAt: String
  ) {
    self.id = id
    self.kind = kind
    self.emailID = emailID
    self.record = record
    self.message = message
    self.isRead = isRead
    self.createdAt = createdAt
  }
}

/// One line of an email's decision trace.
public struct Decision: Equatable, Codable, Sendable {
  /// duplicate, filter, parent, users, case, assignment, auto-reply or notify.
  public var step: String
  /// What was decided, in a word or two.
  public var outcome: String
  /// Why, with the header, address or rule involved.
  public var detail: String
  /// When.
  public var createdAt: String

  /// Creates a decision value.
  public init(step: String, outcome: String, detail: String, createdAt: String) {
    self.step = step
    self.outcome = outcome
    self.detail = detail
    self.createdAt = createdAt
  }
}
