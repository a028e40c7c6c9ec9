import EspoMailCore

extension Transaction {
  /// How many users the store has.
  public func userCount() throws -> Int {
    try db.value(Int.self, "SELECT COUNT(*) FROM \"user\"") ?? 0
  }

  /// Adds a user; throws when the login is taken.
  public func insertUser(login: String, name: String, isAdmin: Bool, isActive: Bool) throws -> Int64 {
    if try userID(login: login) != nil { throw EspoMailError.alreadyExists("user", login) }
    return try db.insert("INSERT INTO \"user\"(login, name, is_admin, is_active) VALUES (?, ?, ?, ?)", [login, name, isAdmin, isActive])
  }

  /// The id of a user by login (case-insensitive), or nil.
  public func userID(login: String) throws -> Int64? {
    try db.value(Int64.self, "SELECT id FROM \"user\" WHERE login = ?", [login])
  }

  /// A user by login, with addresses, teams and roles; nil when there is none.
  public func user(login: String) throws -> User? {
    guard let row = try db.row("SELECT * FROM \"user\" WHERE login = ?", [login]) else {
      return nil
    }
    return try user(from: row)
  }

  /// A user by id, with addresses, teams and roles; nil when there is none.
  public func user(id: Int64) throws -> User? {
    guard let row = try db.row("SELECT * FROM \"user\" WHERE id = ?", [id]) else {
      return nil
    }
    return try user(from: row)
  }

  /// Every user, by login.
  public func users() throws -> [User] {
    try db.rows("SELECT * FROM \"user\" ORDER BY login").map { try user(from: $0) }
  }

  private func user(from row: SQLRow) throws -> User {
    let id: Int64 = row["id"]
    var user = User(
      id: id, login: row["login"], name: row["name"], isAdmin: row["is_admin"], isActive: row["is_active"],
      addresses: try addresses(of: .user, id: id),
      teams: try db.values(String.self, "SELECT t.name FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.user_id = ? ORDER BY t.name", [id]),
      roles: try db.values(String.self, "SELECT r.name FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.name", [id]),
      databaseRole: row["db_role"],
      emailNotifications: (row["email_notifications"] as String).split(separator: ",")
        .compactMap { NotificationTopic(rawValue: String($0)) })
    user.defaultTeam = try (row["default_team_id"] as Int64?).flatMap {
      try db.value(String.self, "SELECT name FROM team WHERE id = ?", [$0])
    }
    return user
  }

  /// Sets what a user also gets by email.
  public func setEmailNotifications(userID: Int64, _ topics: [NotificationTopic]) throws {
    try db.execute(
      "UPDATE \"user\" SET email_notifications = ? WHERE id = ?",
      [topics.sorted().map(\.rawValue).joined(separator: ","), userID])
  }

  /// Changes a user's name, active flag or admin flag (nil leaves a value as it is).
  public func updateUser(id: Int64, name: String?, isActive: Bool?, isAdmin: Bool?) throws {
    try db.execute("""
        UPDATE "user" SET name = COALESCE(?, name), is_active = COALESCE(?, is_active),
          is_admin = COALESCE(?, is_admin) WHERE id = ?
        """, [name, isActive, isAdmin, id])
  }

  /// A user's default team (id and name), or nil.
  public func defaultTeam(userID: Int64) throws -> (id: Int64, name: String)? {
    try db.row("SELECT t.id, t.name FROM \"user\" u JOIN team t ON t.id = u.default_team_id WHERE u.id = ?", [userID])
      .map { ($0["id"], $0["name"]) }
  }

  /// Sets (or clears) a user's default team.
  public func setDefaultTeam(userID: Int64, teamID: Int64?) throws {
    try db.execute("UPDATE \"user\" SET default_team_id = ? WHERE id = ?", [teamID, userID])
  }

  /// How many active admins there are.
  public func activeAdminCount() throws -> Int {
    try db.value(Int.self, "SELECT COUNT(*) FROM \"user\" WHERE is_admin = 1 AND is_active = 1") ?? 0
  }

  /// Gives a user a role; throws when they have it already.
  public func grantRole(userID: Int64, roleID: Int64) throws {
    guard try db.execute("INSERT INTO user_role(user_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [userID, roleID]) > 0 else { throw EspoMailError(.dataError, "the user has that role already") }
  }

  /// Takes a role from a user; throws when they do not have it.
  public func revokeRole(userID: Int64, roleID: Int64) throws {
    guard try db.execute("DELETE FROM user_role WHERE user_id = ? AND role_id = ?", [userID, roleID]) > 0 else { throw EspoMailError(.notFound, "the user does not have that role") }
  }

  /// The merged permissions of a user's roles (nothing when they have none).
  public func permissions(userID: Int64) throws -> RolePermissions {
    let roleIDs = try db.values(Int64.self, "SELECT role_id FROM user_role WHERE user_id = ?", [userID])
    return RolePermissions.merged(try roleIDs.map { try permissions(roleID: $0) })
  }
}
