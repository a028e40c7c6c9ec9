/// A stream note on a record ("email received", "case created", …).
public struct StreamNote: Equatable, Sendable {
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
public struct UserNotification: Equatable, Sendable {
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

/// What a stream note records; the raw values are the stored and shown `kind`.
public enum NoteKind: String, CaseIterable, Codable, Sendable {
  /// The record was created.
  case create
  /// An email linked to the record arrived.
  case emailReceived = "email-received"
  /// An email about the record was sent.
  case emailSent = "email-sent"
  /// A case was assigned.
  case assign
  /// A case's status changed.
  case status
  /// A post written by a user.
  case post
}

/// Why a user was notified; the raw values are the stored and shown `kind`.
public enum NotificationKind: String, CaseIterable, Codable, Sendable {
  /// The user was given a new email.
  case emailReceived = "email-received"
  /// A record the user follows got a note.
  case note
  /// A case was assigned to the user.
  case assigned
}

/// The steps of an email's import that `explain` lists; the raw values are the stored `step`.
public enum DecisionStep: String, CaseIterable, Codable, Sendable {
  /// Merged into the same message, or kept apart from one reusing its Message-ID.
  case duplicate
  /// A fetch filter or folder rule applied.
  case filter
  /// How the parent record was found (or set by hand).
  case parent
  /// Who was given the email (or who imported it).
  case users
  /// Email-to-case: opened, threaded or not.
  case `case`
  /// Who the new case went to.
  case assignment
  /// Whether an automatic reply was queued or suppressed.
  case autoReply = "auto-reply"
  /// Who was notified, and who not and why.
  case notify
  /// How a malformed message was read (`email import` and fetch import it rather than quarantine it).
  case parse
}

/// One line of an email's decision trace.
public struct Decision: Equatable, Sendable {
  /// duplicate, filter, parent, users, case, assignment, auto-reply, notify or parse.
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
