import EspoMailCore

/// The PostgreSQL login roles espomail's users connect as (Docs/security.md, "Several users on
/// PostgreSQL"): `user.db_role` maps a role to a user, and the role's memberships follow the user:
/// `espomail_agent` while mapped, `espomail_service` (every row) while an active admin. An SQLite
/// store has no database roles.
extension Transaction {
  /// The group role whose policies apply the user's role levels.
  public static let agentRole = "espomail_agent"
  /// The group role that reads and writes every row: fetch hosts and admins.
  public static let serviceRole = "espomail_service"

  /// The user the connection's own database login is mapped to, active or not; nil on SQLite or
  /// when the login is mapped to nobody (a service or owner connection).
  public func databaseLoginUserID() throws -> Int64? {
    guard db.engine == .postgresql else { return nil }
    return try db.value(Int64.self, "SELECT id FROM \"user\" WHERE db_role = session_user::text")
  }

  /// Whether the connection's own login is an agent's: mapped to a user and no member of
  /// `espomail_service`, so that policies limit it to the user's levels. False on SQLite.
  public func connectsAsAgent() throws -> Bool {
    guard db.engine == .postgresql else { return false }
    return try db.value(
      Bool.self,
      """
      SELECT EXISTS (SELECT 1 FROM "user" WHERE db_role = session_user::text)
        AND NOT pg_has_role(session_user, ?, 'MEMBER')
      """, [Self.serviceRole]) ?? false
  }

  /// Maps a user to the database role `name` (nil: to none), creating it as a login role when
  /// `create` is set, and makes its memberships follow the user. Throws a usage error on SQLite, a
  /// not-found error for a missing role without `create`, and a denial for a role that would
  /// bypass the policies (a superuser, a role with BYPASSRLS, or the tables' owner).
  public func setDatabaseRole(userID: Int64, to name: String?, create: Bool) throws {
    guard db.engine == .postgresql else {
      throw EspoMailError(
        .usage, "database roles are for PostgreSQL stores; this store is an SQLite file",
        hint: "an SQLite store is one trust domain: its owner and cron (Docs/security.md)")
    }
    let previous = try db.value(String.self, "SELECT db_role FROM \"user\" WHERE id = ?", [userID])
    if let previous, previous != name {
      try setMemberships(of: previous, agent: false, service: false)
    }
    guard let name else {
      try db.execute("UPDATE \"user\" SET db_role = NULL WHERE id = ?", [userID])
      return
    }
    let quoted = try Self.quotedRole(name)
    if let holder = try db.value(String.self, "SELECT login FROM \"user\" WHERE db_role = ? AND id <> ?", [name, userID]) {
      throw EspoMailError(.dataError, "the database role \(name) is mapped to the user \(holder) already")
    }
    let existing = try db.row(
      """
      SELECT rolsuper, rolbypassrls, pg_has_role(oid, (SELECT relowner FROM pg_class WHERE oid = '"user"'::regclass), 'MEMBER') AS owns
      FROM pg_roles WHERE rolname = ?
      """, [name])
    if let existing {
      let bypasses: Bool = existing["rolsuper"] || existing["rolbypassrls"] || existing["owns"]
      if bypasses {
        throw EspoMailError.denied(
          "--db-role \(name)", because: "the role bypasses row-level security (a superuser, BYPASSRLS, or the store's owner)",
          hint: "give the user a login role of their own: --db-role NAME --create-db-role")
      }
    } else if create {
      try db.execute("CREATE ROLE \(quoted) LOGIN")
    } else {
      throw EspoMailError.notFound(
        "database role", name, hint: "create it with --create-db-role, or name an existing login role")
    }
    try db.execute("UPDATE \"user\" SET db_role = ? WHERE id = ?", [name, userID])
    try syncDatabaseRole(userID: userID)
  }

  /// Makes the memberships of the user's database role follow their flags: `espomail_agent`
  /// while mapped; `espomail_service` while an active admin. Nothing on SQLite or for an unmapped user.
  public func syncDatabaseRole(userID: Int64) throws {
    guard db.engine == .postgresql,
      let row = try db.row("SELECT db_role, is_admin, is_active FROM \"user\" WHERE id = ?", [userID]),
      let name: String = row["db_role"]
    else { return }
    guard try db.value(Bool.self, "SELECT true FROM pg_roles WHERE rolname = ?", [name]) == true else { return }
    let isAdmin: Bool = row["is_admin"]
    let isActive: Bool = row["is_active"]
    try setMemberships(of: name, agent: true, service: isAdmin && isActive)
    if !(isAdmin && isActive), try db.value(Bool.self, "SELECT pg_has_role(?, ?, 'MEMBER')", [name, Self.serviceRole]) == true {
      throw EspoMailError.denied(
        "database role \(name)", because: "it reaches every row through another role that is a member of \(Self.serviceRole)",
        hint: "give the user a login role of their own (--db-role NAME --create-db-role), or revoke that membership")
    }
  }

  /// Grants or revokes the two group roles to `name`, when the role exists.
  private func setMemberships(of name: String, agent: Bool, service: Bool) throws {
    guard try db.value(Bool.self, "SELECT true FROM pg_roles WHERE rolname = ?", [name]) == true else { return }
    let quoted = try Self.quotedRole(name)
    for (group, wanted) in [(Self.agentRole, agent), (Self.serviceRole, service)] {
      let isMember = try db.value(Bool.self, "SELECT pg_has_role(?, ?, 'MEMBER')", [name, group]) ?? false
      if wanted && !isMember { try db.execute("GRANT \(group) TO \(quoted)") }
      if !wanted && isMember { try db.execute("REVOKE \(group) FROM \(quoted)") }
    }
  }

  /// A role name as an SQL identifier, double-quoted; role names cannot be bound as parameters, so
  /// only 1 to 63 letters, digits and `_ . @ -` are accepted.
  static func quotedRole(_ name: String) throws -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.@-")
    guard (1...63).contains(name.utf8.count), name.allSatisfy(allowed.contains), !name.hasPrefix("pg_") else {
      throw EspoMailError.malformed(
        "database role", name, accepted: "1 to 63 letters, digits, '_', '.', '@' or '-', not starting with pg_")
    }
    return "\"\(name)\""
  }
}
