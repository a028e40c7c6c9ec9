import EspoMailCore

extension Transaction {
  /// Keeps a message that could not be imported; returns the quarantine id.
  public func quarantine(
    accountID: Int64?, folder: String?, uidValidity: UInt32?, uid: UInt32?, rawSHA256: String, reason: String
  ) throws -> Int64 {
    return try db.insert("""
        INSERT INTO quarantine(account_id, folder, uid_validity, uid, raw_sha256, reason) VALUES (?, ?, ?, ?, ?, ?)
        """, [accountID, folder, uidValidity.map { Int64($0) }, uid.map { Int64($0) }, rawSHA256, reason])
  }

  /// Quarantine entries, newest first; only held ones unless `all`.
  public func quarantineEntries(all: Bool) throws -> [QuarantineEntry] {
    try db.rows(Self.quarantineSelect + " WHERE ? = 1 OR q.status = 'held' ORDER BY q.id DESC", [all]).map(quarantineEntry(from:))
  }

  /// One quarantine entry, or nil.
  public func quarantineEntry(id: Int64) throws -> QuarantineEntry? {
    try db.row(Self.quarantineSelect + " WHERE q.id = ?", [id]).map(quarantineEntry(from:))
  }

  /// The kept bytes of a quarantine entry.
  public func quarantineBytes(id: Int64) throws -> [UInt8]? {
    guard let sha = try db.value(String.self, "SELECT raw_sha256 FROM quarantine WHERE id = ?", [id])
    else { return nil }
    return try rawMessage(sha256: sha)
  }

  /// The account id of a quarantine entry, if it still exists.
  public func quarantineAccountID(id: Int64) throws -> Int64? {
    try db.value(Int64.self, "SELECT account_id FROM quarantine WHERE id = ?", [id])
  }

  /// Marks an entry imported (with its email) or dropped.
  public func resolveQuarantine(id: Int64, status: QuarantineStatus, emailID: Int64?) throws {
    try db.execute("""
        UPDATE quarantine SET status = ?, email_id = ?, resolved_at = ?
        WHERE id = ?
        """, [status.rawValue, emailID, Self.now, id])
  }

  private static let quarantineSelect = """
    SELECT q.*, a.name AS account_name, COALESCE(r.size, 0) AS raw_size FROM quarantine q
    LEFT JOIN mail_account a ON a.id = q.account_id LEFT JOIN raw_message r ON r.sha256 = q.raw_sha256
    """

  private func quarantineEntry(from row: SQLRow) -> QuarantineEntry {
    QuarantineEntry(
      id: row["id"], account: row["account_name"], folder: row["folder"], uid: row["uid"], reason: row["reason"],
      status: QuarantineStatus(rawValue: row["status"]) ?? .held, size: row["raw_size"], emailID: row["email_id"], createdAt: row["created_at"])
  }
}

extension Transaction {
  /// Points the ledger row of a quarantined message at the email it finally became.
  public func settleQuarantined(quarantineID: Int64, emailID: Int64) throws {
    try db.execute("UPDATE fetch_ledger SET outcome = 'imported', email_id = ? WHERE quarantine_id = ?", [emailID, quarantineID])
  }
}
