import EspoMailCore
import EspoMailStore

extension Session {
  /// Creates a role that grants nothing yet (admins only).
  public func createRole(_ name: String) throws -> Role {
    try requireAdmin("role create")
    try validateName(name, of: "role")
    return try store.write { tx in
      _ = try tx.insertRole(name: name)
      return try tx.role(name: name).orNotFound("role", name)
    }
  }

  /// Every role (admins only: roles describe who may see what).
  public func listRoles() throws -> [Role] {
    try requireAdmin("role list")
    return try store.read { try $0.roles() }
  }

  /// One role (admins, or a user holding it).
  public func showRole(_ name: String) throws -> Role {
    let role = try store.read { try $0.role(name: name) }.orNotFound("role", name)
    guard user.isAdmin || user.roles.contains(role.name) else {
      throw EspoMailError.denied("role show \(name)", because: "only admins and holders of the role may see it")
    }
    return role
  }

  /// Applies `KEY=VALUE` settings to a role (admins only). All are checked before any is stored.
  public func setRole(_ name: String, _ settings: [String]) throws -> Role {
    try requireAdmin("role set")
    guard !settings.isEmpty else {
      throw EspoMailError(.usage, "role set needs at least one KEY=VALUE", hint: PermissionSetting.acceptedForms)
    }
    let parsed = try settings.map(PermissionSetting.init(parsing:))
    return try store.write { tx in
      let role = try tx.role(name: name).orNotFound("role", name)
      var permissions = role.permissions
      for setting in parsed { setting.apply(to: &permissions) }
      try tx.setPermissions(roleID: role.id, permissions)
      return try tx.role(name: name).orNotFound("role", name)
    }
  }
}
