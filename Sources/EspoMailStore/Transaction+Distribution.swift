import EspoMailCore

/// A team member who may be given cases.
public struct EligibleMember: Equatable, Sendable {
  /// User id.
  public var id: Int64
  /// Login (distribution goes by login order).
  public var login: String

  /// Creates a member value.
  public init(id: Int64, login: String) {
    self.id = id
    self.login = login
  }
}

/// What the case logic needs to know about an existing case.
public struct CaseOrigin: Sendable {
  /// The group account it came through.
  public var mailAccountID: Int64?
  /// Its CRM account.
  public var accountID: Int64?
  /// Its contact.
  public var contactID: Int64?
  /// Its assignee.
  public var assignedUserID: Int64?
  /// Its teams.
  public var teamIDs: [Int64]
}

extension Transaction {
  /// Makes a user an email's assignee unless it has one; returns whether it was set.
  @discardableResult
  public func assignEmail(emailID: Int64, userID: Int64) throws -> Bool {
    try db.execute(
      "UPDATE email SET assigned_user_id = ? WHERE id = ? AND assigned_user_id IS NULL", [userID, emailID]) > 0
  }

  /// Active members of a team, optionally with one position, in login order.
  public func eligibleMembers(team: String, position: String?) throws -> [EligibleMember] {
    try db.rows("""
        SELECT u.id, u.login FROM team_member m JOIN team t ON t.id = m.team_id JOIN "user" u ON u.id = m.user_id
        WHERE t.name = ?1 AND u.is_active = 1 AND (CAST(?2 AS TEXT) IS NULL OR m.position = ?2) ORDER BY u.login
        """, [team, position]).map { EligibleMember(id: $0["id"], login: $0["login"]) }
  }

  /// Open cases (not Closed, Rejected or Duplicate) per user, zero included.
  public func openCaseCounts(userIDs: [Int64]) throws -> [Int64: Int] {
    var counts: [Int64: Int] = [:]
    for id in userIDs {
      counts[id] =
        try db.value(Int.self, """
            SELECT COUNT(*) FROM crm_case WHERE assigned_user_id = ? AND status NOT IN ('closed', 'rejected', 'duplicate')
            """, [id]) ?? 0
    }
    return counts
  }

  /// When each user was last given a case (nil: never), as text that sorts in the order of the
  /// assignments: the time, then the case's number, so that two cases assigned within one second
  /// (the times' resolution) still come in the order they were opened.
  public func lastAssignment(userIDs: [Int64]) throws -> [Int64: String] {
    var times: [Int64: String] = [:]
    for id in userIDs {
      if let row = try db.row(
        """
        SELECT assigned_at, number FROM crm_case WHERE assigned_user_id = ? AND assigned_at IS NOT NULL
        ORDER BY assigned_at DESC, number DESC LIMIT 1
        """, [id])
      {
        let (time, number): (String, Int64) = (row["assigned_at"], row["number"])
        times[id] = time + "#" + String(format: "%019lld", number)
      }
    }
    return times
  }

  /// Where a case came from and who has it; nil when it does not exist.
  public func caseOrigin(number: Int64) throws -> CaseOrigin? {
    guard
      let row = try db.row("SELECT mail_account_id, account_id, contact_id, assigned_user_id FROM crm_case WHERE number = ?", [number])
    else { return nil }
    return CaseOrigin(
      mailAccountID: row["mail_account_id"], accountID: row["account_id"], contactID: row["contact_id"],
      assignedUserID: row["assigned_user_id"],
      teamIDs: try db.values(Int64.self, "SELECT team_id FROM case_team WHERE case_number = ?", [number]))
  }

  /// Shares an email's attachments with a case.
  public func shareAttachments(emailID: Int64, caseNumber: Int64) throws {
    try db.execute("UPDATE attachment SET case_number = ? WHERE email_id = ? AND disposition = 'attachment'", [caseNumber, emailID])
  }

  /// The emails linked to a case, oldest first.
  public func caseEmails(number: Int64) throws -> [(id: Int64, subject: String, date: String, from: String?)] {
    try db.rows("""
        SELECT id, subject, date_sent, from_string FROM email WHERE parent_type = 'case' AND parent_id = ?
        ORDER BY date_sent, id
        """, [number]).map { ($0["id"], $0["subject"], $0["date_sent"], $0["from_string"]) }
  }
}
