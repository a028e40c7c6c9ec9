import EspoMailCore

/// What `case list` asks for.
public struct CaseQuery: Sendable {
  /// Only cases with this status.
  public var status: CaseStatus?
  /// Only cases assigned to this user id.
  public var assignedUserID: Int64?
  /// Only cases that came through this mail account id.
  public var mailAccountID: Int64?

  /// Creates a query; nil fields do not filter.
  public init(status: CaseStatus? = nil, assignedUserID: Int64? = nil, mailAccountID: Int64? = nil) {
    self.status = status
    self.assignedUserID = assignedUserID
    self.mailAccountID = mailAccountID
  }
}

extension Transaction {
  /// Opens a new case with status New and returns its number.
  public func insertCase(
    name: String, account: Int64?, contact: Int64?, lead: Int64?, createdBy: Int64?, description: String? = nil,
    mailAccount: Int64? = nil
  ) throws -> Int64 {
    return try db.insert("""
        INSERT INTO crm_case(name, account_id, contact_id, lead_id, created_by_user_id, description, mail_account_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """, [name, account, contact, lead, createdBy, description, mailAccount], returning: "number")
  }

  /// A case by number, or nil.
  public func caseRecord(number: Int64) throws -> CaseRecord? {
    try db.row(Self.caseSelect + " WHERE c.number = ?", [number]).map {
      try caseRecord(from: $0)
    }
  }

  /// Cases matching a query, newest first.
  public func cases(_ query: CaseQuery) throws -> [CaseRecord] {
    try db.rows(Self.caseSelect + """
         WHERE (CAST(?1 AS TEXT) IS NULL OR c.status = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR c.assigned_user_id = ?2)
          AND (CAST(?3 AS BIGINT) IS NULL OR c.mail_account_id = ?3)
        ORDER BY c.number DESC
        """, [query.status?.rawValue, query.assignedUserID, query.mailAccountID]).map { try caseRecord(from: $0) }
  }

  /// Changes a case's status.
  public func setCaseStatus(number: Int64, _ status: CaseStatus) throws {
    try db.execute("UPDATE crm_case SET status = ?, updated_at = ? WHERE number = ?", [status.rawValue, Self.now, number])
  }

  /// Assigns a case to a user; a New case becomes Assigned.
  public func assignCase(number: Int64, userID: Int64) throws {
    try db.execute("""
        UPDATE crm_case SET assigned_user_id = ?1, status = CASE status WHEN 'new' THEN 'assigned' ELSE status END,
          assigned_at = ?2, updated_at = ?2
        WHERE number = ?3
        """, [userID, Self.now, number])
  }

  /// Adds a team to a case.
  public func addCaseTeam(number: Int64, teamID: Int64) throws {
    try db.execute("INSERT INTO case_team(case_number, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [number, teamID])
  }

  private static let caseSelect = """
    SELECT c.*, u.login AS assigned_login, m.name AS mail_account_name,
      (SELECT login FROM "user" WHERE id = c.created_by_user_id) AS created_login,
      (SELECT COUNT(*) FROM email e WHERE e.parent_type = 'case' AND e.parent_id = c.number) AS email_count
    FROM crm_case c LEFT JOIN "user" u ON u.id = c.assigned_user_id LEFT JOIN mail_account m ON m.id = c.mail_account_id
    """

  private func caseRecord(from row: SQLRow) throws -> CaseRecord {
    let number: Int64 = row["number"]
    let statusText: String = row["status"]
    return CaseRecord(
      number: number, name: row["name"], status: CaseStatus(rawValue: statusText) ?? .new,
      assignedUser: row["assigned_login"],
      account: (row["account_id"] as Int64?).map { RecordReference(.account, $0) },
      contact: (row["contact_id"] as Int64?).map { RecordReference(.contact, $0) },
      lead: (row["lead_id"] as Int64?).map { RecordReference(.lead, $0) },
      teams: try db.values(String.self, "SELECT t.name FROM case_team ct JOIN team t ON t.id = ct.team_id WHERE ct.case_number = ? ORDER BY t.name", [number]),
      groupAccount: row["mail_account_name"], emailCount: row["email_count"], description: row["description"],
      createdBy: row["created_login"], createdAt: row["created_at"])
  }
}

extension Transaction {
  /// The id of a mail account by name (case-insensitive), or nil.
  public func mailAccountID(name: String) throws -> Int64? {
    try db.value(Int64.self, "SELECT id FROM mail_account WHERE name = ?", [name])
  }
}
