/// Where a quarantined message stands; the raw values are the store's and the JSON's `status`.
public enum QuarantineStatus: String, CaseIterable, Codable, Sendable {
  /// Kept, waiting for `quarantine retry` or `quarantine drop`.
  case held
  /// Imported by a retry.
  case imported
  /// Dropped by an admin.
  case dropped
}

/// A message that could not be imported, kept with its bytes and the reason.
public struct QuarantineEntry: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// The account that fetched it.
  public var account: String?
  /// The server folder.
  public var folder: String?
  /// Its UID there.
  public var uid: Int64?
  /// Why it was not imported.
  public var reason: String
  /// held, imported or dropped.
  public var status: QuarantineStatus
  /// Size of the kept bytes.
  public var size: Int
  /// The email it became after a successful retry.
  public var emailID: Int64?
  /// When it was quarantined.
  public var createdAt: String

  /// Creates an entry.
  public init(
    id: Int64, account: String?, folder: String?, uid: Int64?, reason: String, status: QuarantineStatus, size: Int,
    emailID: Int64?, createdAt: String
  ) {
    self.id = id
    self.account = account
    self.folder = folder
    self.uid = uid
    self.reason = reason
    self.status = status
    self.size = size
    self.emailID = emailID
    self.createdAt = createdAt
  }
}
