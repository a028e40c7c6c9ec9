import EspoMailCore

/// A notification not yet considered for mail, with what its message needs.
public struct PendingMailNotification: Sendable {
  /// The notification's id.
  public var id: Int64
  /// Who it is for.
  public var userID: Int64
  /// Why they were notified.
  public var kind: NotificationKind
  /// The email it is about, if any.
  public var emailID: Int64?
  /// The record it is about, if any.
  public var record: RecordReference?
  /// Its one-line text.
  public var message: String
}

extension Transaction {
  /// Notifications waiting to be considered for mail, oldest first, at most `limit`.
  public func pendingMailNotifications(limit: Int) throws -> [PendingMailNotification] {
    try db.rows("SELECT * FROM notification WHERE mail_pending = 1 ORDER BY id LIMIT ?", [limit]).map { row in
      PendingMailNotification(
        id: row["id"], userID: row["user_id"], kind: NotificationKind(rawValue: row["kind"]) ?? .note,
        emailID: row["email_id"], record: row.record(type: "entity_type", id: "entity_id"), message: row["message"])
    }
  }

  /// Marks a notification considered for mail (queued or not), so it is never mailed twice.
  public func settleMailNotification(id: Int64) throws {
    try db.execute("UPDATE notification SET mail_pending = 0 WHERE id = ?", [id])
  }

  /// Active accounts whose fetch failed `threshold` times or more in a row and whose admins were
  /// not told yet in this streak.
  public func accountsDueFailureNotice(threshold: Int) throws -> [MailAccount] {
    try mailAccounts().filter { $0.isActive && $0.health.consecutiveFailures >= threshold && !$0.failureNoticed }
  }

  /// Records that admins were told of the account's current failure streak (cleared by the next
  /// successful fetch).
  public func markFailureNoticed(accountID: Int64) throws {
    try db.execute("UPDATE mail_account SET failure_noticed = 1 WHERE id = ?", [accountID])
  }

  /// Active admins, by login.
  public func activeAdmins() throws -> [User] {
    try users().filter { $0.isAdmin && $0.isActive }
  }
}
