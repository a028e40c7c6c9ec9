import EspoMailCore
import Foundation

extension Transaction {
  /// Stores a new filter at the end of its scope's order; returns its id.
  public func insertFilter(_ filter: EmailFilter, accountID: Int64?, userID: Int64?, folderID: Int64?, groupFolderID: Int64?)
    throws -> Int64
  {
    if try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM filter WHERE name = ?)", [filter.name]) == true {
      throw EspoMailError.alreadyExists("filter", filter.name)
    }
    let position =
      try db.value(Int.self, """
          SELECT COALESCE(MAX(position), 0) + 1 FROM filter
          WHERE scope = ? AND account_id IS NOT DISTINCT FROM ? AND user_id IS NOT DISTINCT FROM ?
          """, [filter.scope.rawValue, accountID, userID]) ?? 1
    return try db.insert("""
        INSERT INTO filter(name, scope, account_id, user_id, from_pattern, to_pattern, subject_pattern, body_contains,
          body_contains_all, action, folder_id, group_folder_id, mark_read, skip_notification, position)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, [
        filter.name, filter.scope.rawValue, accountID, userID, filter.from, filter.to, filter.subject,
        Self.json(filter.bodyContains), Self.json(filter.bodyContainsAll), filter.action.rawValue, folderID,
        groupFolderID, filter.markRead, filter.skipNotification, position,
      ])
  }

  /// Every filter, in the order they run: global, then per account, then per user, each by position.
  public func filters() throws -> [EmailFilter] {
    try db.rows(Self.filterSelect + " ORDER BY CASE f.scope WHEN 'global' THEN 0 WHEN 'account' THEN 1 ELSE 2 END, a.name, u.login, f.position")
      .map(filter(from:))
  }

  /// The filters that run at fetch time for an account: global ones, then the account's own.
  public func fetchFilters(accountID: Int64) throws -> [EmailFilter] {
    try db.rows(Self.filterSelect
        + " WHERE f.scope = 'global' OR f.account_id = ? ORDER BY CASE f.scope WHEN 'global' THEN 0 ELSE 1 END, f.position", [accountID]).map(filter(from:))
  }

  /// A user's inbox filters, in order.
  public func userFilters(userID: Int64) throws -> [EmailFilter] {
    try db.rows(Self.filterSelect + " WHERE f.user_id = ? ORDER BY f.position", [userID])
      .map(filter(from:))
  }

  /// A filter by name, or nil.
  public func filter(name: String) throws -> EmailFilter? {
    try db.row(Self.filterSelect + " WHERE f.name = ?", [name]).map(filter(from:))
  }

  /// Ids of a filter's target folders.
  public func filterTargets(id: Int64) throws -> (folderID: Int64?, groupFolderID: Int64?) {
    let row = try db.row("SELECT folder_id, group_folder_id FROM filter WHERE id = ?", [id])
    return (row?["folder_id"], row?["group_folder_id"])
  }

  /// Deletes a filter.
  public func deleteFilter(id: Int64) throws {
    try db.execute("DELETE FROM filter WHERE id = ?", [id])
  }

  private static let filterSelect = """
    SELECT f.*, a.name AS account_name, u.login AS user_login, ef.name AS folder_name, gf.name AS group_folder_name
    FROM filter f LEFT JOIN mail_account a ON a.id = f.account_id LEFT JOIN "user" u ON u.id = f.user_id
    LEFT JOIN email_folder ef ON ef.id = f.folder_id LEFT JOIN group_folder gf ON gf.id = f.group_folder_id
    """

  private func filter(from row: SQLRow) -> EmailFilter {
    EmailFilter(
      id: row["id"], name: row["name"], scope: FilterScope(rawValue: row["scope"]) ?? .global,
      account: row["account_name"], user: row["user_login"], from: row["from_pattern"], to: row["to_pattern"],
      subject: row["subject_pattern"], bodyContains: Self.phrases(row["body_contains"]),
      bodyContainsAll: Self.phrases(row["body_contains_all"]), action: FilterAction(rawValue: row["action"]) ?? .none,
      folder: row["folder_name"], groupFolder: row["group_folder_name"], markRead: row["mark_read"],
      skipNotification: row["skip_notification"], position: row["position"])
  }

  private static func json(_ phrases: [String]) -> String {
    (try? String(decoding: JSONEncoder().encode(phrases), as: UTF8.self)) ?? "[]"
  }

  private static func phrases(_ text: String?) -> [String] {
    guard let text, let data = text.data(using: .utf8) else { return [] }
    return (try? JSONDecoder().decode([String].self, from: data)) ?? []
  }
}

extension Transaction {
  /// What filters see of a stored email (for merges, where the message itself is not downloaded).
  public func filterSubject(emailID: Int64) throws -> FilterSubject? {
    guard
      let row = try db.row("SELECT subject, body_plain, body_html FROM email WHERE id = ?", [emailID])
    else { return nil }
    let parties = try db.rows("""
        SELECT r.kind, a.address FROM email_recipient r JOIN email_address a ON a.id = r.email_address_id
        WHERE r.email_id = ? ORDER BY r.kind, r.position
        """, [emailID])
    return FilterSubject(
      from: parties.first { ($0["kind"] as String) == "from" }?["address"],
      recipients: parties.filter { ["to", "cc"].contains($0["kind"] as String) }.map { $0["address"] },
      subject: row["subject"], bodies: [row["body_plain"], row["body_html"]].compactMap { $0 as String? })
  }
}
