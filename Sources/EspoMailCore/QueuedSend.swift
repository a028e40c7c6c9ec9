/// Where a send request stands; the raw values are the store's and the JSON's `status`.
public enum SendRequestStatus: String, CaseIterable, Codable, Sendable {
  /// Waiting for the fetch service's next pass.
  case queued
  /// Claimed by the service; after a crash its fate is unknown (see its outbox row).
  case sending
  /// Sent as the user asked, as the email named.
  case sent
  /// Refused by the checks of a `send` made as the user, or by the server (see the error).
  case failed
}

/// Mail a user asked the fetch service to send for them (Docs/security.md, "Sending as an
/// agent"), as they and admins see it.
public struct QueuedSend: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Who asked.
  public var requestedBy: String
  /// The From address asked for.
  public var from: String
  /// Recipients, as given.
  public var to: [String]
  /// Copy recipients, as given.
  public var cc: [String]
  /// Blind copy recipients, as given.
  public var bcc: [String]
  /// The subject.
  public var subject: String
  /// Where it stands.
  public var status: SendRequestStatus
  /// Why it failed.
  public var error: String?
  /// The email sent, once it was.
  public var emailID: Int64?
  /// When it was asked for.
  public var createdAt: String
  /// When the service finished with it.
  public var finishedAt: String?

  /// Creates a summary.
  public init(
    id: Int64, requestedBy: String, from: String, to: [String], cc: [String], bcc: [String], subject: String,
    status: SendRequestStatus, error: String?, emailID: Int64?, createdAt: String, finishedAt: String?
  ) {
    self.id = id
    self.requestedBy = requestedBy
    self.from = from
    self.to = to
    self.cc = cc
    self.bcc = bcc
    self.subject = subject
    self.status = status
    self.error = error
    self.emailID = emailID
    self.createdAt = createdAt
    self.finishedAt = finishedAt
  }
}
