import EspoMailCore

extension Transaction {
  /// Adds a note to a record's stream, once per record and email; returns its id (nil when it
  /// existed). `isNewEmail` skips the check for an email stored in this transaction, which no
  /// note can name yet.
  @discardableResult
  public func addNote(
    _ record: RecordReference, kind: NoteKind, emailID: Int64?, isInitial: Bool = false, isNewEmail: Bool = false
  ) throws -> Int64? {
    if let emailID, !isNewEmail,
      try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM note WHERE entity_type = ? AND entity_id = ? AND email_id = ? AND kind = ?)", [record.type.rawValue, record.id, emailID, kind.rawValue]) == true
    {
      return nil
    }
    return try db.insert(
      "INSERT INTO note(entity_type, entity_id, kind, email_id, is_initial) VALUES (?, ?, ?, ?, ?)",
      [record.type.rawValue, record.id, kind.rawValue, emailID, isInitial])
  }

  /// The note that shows an email in a record's stream, if there is one.
  public func emailNoteID(_ record: RecordReference, emailID: Int64) throws -> Int64? {
    try db.value(
      Int64.self, "SELECT MIN(id) FROM note WHERE entity_type = ? AND entity_id = ? AND email_id = ? AND kind = 'email-received'",
      [record.type.rawValue, record.id, emailID])
  }

  /// A record's stream, newest first.
  public func notes(_ record: RecordReference, limit: Int = 200) throws -> [StreamNote] {
    try db.rows("""
        SELECT n.*, e.subject, e.from_string FROM note n LEFT JOIN email e ON e.id = n.email_id
        WHERE n.entity_type = ? AND n.entity_id = ? ORDER BY n.id DESC LIMIT ?
        """, [record.type.rawValue, record.id, limit]).map {
      StreamNote(
        id: $0["id"], record: record, kind: $0["kind"], emailID: $0["email_id"], subject: $0["subject"],
        from: $0["from_string"], isInitial: $0["is_initial"], createdAt: $0["created_at"])
    }
  }

  /// Notifies a user; returns false when they already have this kind of notification for the email.
  /// The notification waits to be considered for mail (`pendingMailNotifications`).
  @discardableResult
  public func notify(
    userID: Int64, kind: NotificationKind, emailID: Int64?, noteID: Int64? = nil, record: RecordReference? = nil,
    message: String
  ) throws -> Bool {
    if let emailID,
      try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM notification WHERE user_id = ? AND email_id = ? AND kind = ?)", [userID, emailID, kind.rawValue]) == true
    {
      return false
    }
    try db.execute(
      """
      INSERT INTO notification(user_id, kind, email_id, note_id, entity_type, entity_id, message, mail_pending)
      VALUES (?, ?, ?, ?, ?, ?, ?, 1)
      """,
      [userID, kind.rawValue, emailID, noteID, record?.type.rawValue, record?.id, message])
    return true
  }

  /// A user's notifications, newest first.
  public func notifications(userID: Int64, unreadOnly: Bool) throws -> [UserNotification] {
    try db.rows("""
        SELECT * FROM notification WHERE user_id = ? AND (? = 0 OR is_read = 0) ORDER BY id DESC
        """, [userID, unreadOnly]).map { row in
      UserNotification(
        id: row["id"], kind: row["kind"], emailID: row["email_id"], record: row.record(type: "entity_type", id: "entity_id"),
        message: row["message"], isRead: row["is_read"], createdAt: row["created_at"])
    }
  }

  /// Marks one of a user's notifications (or with nil all of them) read; returns how many changed.
  public func markNotificationsRead(userID: Int64, id: Int64?) throws -> Int {
    return try db.execute("UPDATE notification SET is_read = 1 WHERE user_id = ? AND (CAST(? AS BIGINT) IS NULL OR id = ?) AND is_read = 0", [userID, id, id])
  }

  /// Whether a notification belongs to a user.
  public func notificationExists(id: Int64, userID: Int64) throws -> Bool {
    try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM notification WHERE id = ? AND user_id = ?)", [id, userID])
      ?? false
  }

  /// An email's decision trace, oldest first.
  public func decisions(emailID: Int64) throws -> [Decision] {
    try db.rows("SELECT step, outcome, detail, created_at FROM decision WHERE email_id = ? ORDER BY id", [emailID]).map { Decision(step: $0["step"], outcome: $0["outcome"], detail: $0["detail"], createdAt: $0["created_at"]) }
  }

  /// Notifications made about an email, with the recipient's login.
  public func notificationsAbout(emailID: Int64) throws -> [(login: String, kind: String)] {
    try db.rows("""
        SELECT u.login, n.kind FROM notification n JOIN "user" u ON u.id = n.user_id WHERE n.email_id = ? ORDER BY n.id
        """, [emailID]).map { ($0["login"], $0["kind"]) }
  }
}

extension Transaction {
  /// Every (user, email) pair some notification was made about, for `audit`.
  public func notifiedEmailPairs() throws -> [(userID: Int64, emailID: Int64)] {
    try db.rows("SELECT DISTINCT user_id, email_id FROM notification WHERE email_id IS NOT NULL ORDER BY user_id, email_id").map { ($0["user_id"], $0["email_id"]) }
  }
}
