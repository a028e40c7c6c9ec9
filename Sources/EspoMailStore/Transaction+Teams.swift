import EspoMailCore

extension Transaction {
  /// Adds a team; throws when the name is taken.
  public func insertTeam(name: String) throws -> Int64 {
    if try teamID(name: name) != nil { throw EspoMailError.alreadyExists("team", name) }
    return try db.insert("INSERT INTO team(name) VALUES (?)", [name])
  }

  /// The id of a team by name (case-insensitive), or nil.
  public func teamID(name: String) throws -> Int64? {
    try db.value(Int64.self, "SELECT id FROM team WHERE name = ?", [name])
  }

  /// A team with its members (by login), or nil.
  public func team(name: String) throws -> Team? {
    guard let row = try db.row("SELECT id, name FROM team WHERE name = ?", [name]) else {
      return nil
    }
    return try team(from: row)
  }

  /// Every team, by name.
  public func teams() throws -> [Team] {
    try db.rows("SELECT id, name FROM team ORDER BY name").map { try team(from: $0) }
  }

  private func team(from row: SQLRow) throws -> Team {
    let id: Int64 = row["id"]
    let members = try db.rows("""
        SELECT u.login, u.is_active, m.position FROM team_member m JOIN "user" u ON u.id = m.user_id
        WHERE m.team_id = ? ORDER BY u.login
        """, [id]).map { TeamMember(login: $0["login"], position: $0["position"], isActive: $0["is_active"]) }
    return Team(id: id, name: row["name"], members: members)
  }

  /// Adds a user to a team, or changes their position when they are a member already.
  /// Returns whether they were added (false: position changed).
  @discardableResult
  public func addMember(teamID: Int64, userID: Int64, position: String?) throws -> Bool {
    let exists =
      try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM team_member WHERE team_id = ? AND user_id = ?)", [teamID, userID]) ?? false
    try db.execute("""
        INSERT INTO team_member(team_id, user_id, position) VALUES (?, ?, ?)
        ON CONFLICT(team_id, user_id) DO UPDATE SET position = excluded.position
        """, [teamID, userID, position])
    return !exists
  }

  /// Removes a user from a team (no longer their default team); throws when they are not a member.
  public func removeMember(teamID: Int64, userID: Int64) throws {
    guard try db.execute("DELETE FROM team_member WHERE team_id = ? AND user_id = ?", [teamID, userID]) > 0 else { throw EspoMailError(.notFound, "the user is not a member of that team") }
    try db.execute("UPDATE \"user\" SET default_team_id = NULL WHERE id = ? AND default_team_id = ?", [userID, teamID])
  }

  /// The ids of the teams a user belongs to.
  public func teamIDs(userID: Int64) throws -> [Int64] {
    try db.values(Int64.self, "SELECT team_id FROM team_member WHERE user_id = ?", [userID])
  }
}
