import EspoMailCore

extension Transaction {
  /// Adds a role that grants nothing yet; throws when the name is taken.
  public func insertRole(name: String) throws -> Int64 {
    if try roleID(name: name) != nil { throw EspoMailError.alreadyExists("role", name) }
    return try db.insert("INSERT INTO role(name) VALUES (?)", [name])
  }

  /// The id of a role by name (case-insensitive), or nil.
  public func roleID(name: String) throws -> Int64? {
    try db.value(Int64.self, "SELECT id FROM role WHERE name = ?", [name])
  }

  /// A role with its permissions, or nil.
  public func role(name: String) throws -> Role? {
    guard let row = try db.row("SELECT id, name FROM role WHERE name = ?", [name]) else {
      return nil
    }
    return Role(id: row["id"], name: row["name"], permissions: try permissions(roleID: row["id"]))
  }

  /// Every role, by name.
  public func roles() throws -> [Role] {
    try db.rows("SELECT id, name FROM role ORDER BY name").map {
      Role(id: $0["id"], name: $0["name"], permissions: try permissions(roleID: $0["id"]))
    }
  }

  /// The permissions one role grants.
  public func permissions(roleID: Int64) throws -> RolePermissions {
    var permissions = RolePermissions.none
    let rows = try db.rows("SELECT key, value FROM role_permission WHERE role_id = ?", [roleID])
    for row in rows {
      let key: String = row["key"]
      let value: String = row["value"]
      let text = key.hasSuffix(".create") ? "\(key)=\(value == "all" ? "yes" : "no")" : "\(key)=\(value)"
      // Rows are written only from parsed settings, so they always parse back.
      try PermissionSetting(parsing: text).apply(to: &permissions)
    }
    return permissions
  }

  /// Stores a role's permissions, replacing what it had.
  public func setPermissions(roleID: Int64, _ permissions: RolePermissions) throws {
    try db.execute("DELETE FROM role_permission WHERE role_id = ?", [roleID])
    var entries: [(String, String)] = [
      ("personal-email-accounts", permissions.personalEmailAccounts ? "yes" : "no"),
      ("group-email-account", permissions.groupEmailAccount.rawValue),
    ]
    for scope in Scope.allCases {
      for action in ScopeAction.allCases {
        if let level = permissions.levels[scope]?[action] {
          entries.append(("\(scope.rawValue).\(action.rawValue)", level.rawValue))
        }
      }
    }
    for (key, value) in entries {
      try db.execute("INSERT INTO role_permission(role_id, key, value) VALUES (?, ?, ?)", [roleID, key, value])
    }
  }
}
