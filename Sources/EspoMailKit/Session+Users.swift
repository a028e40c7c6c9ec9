import EspoMailCore
import EspoMailStore

/// What `user add` asks for.
public struct NewUser: Sendable {
  /// OS login.
  public var login: String
  /// Display name (defaults to the login).
  public var name: String?
  /// Addresses, the first one primary.
  public var addresses: [String]
  /// Whether the user is an admin.
  public var isAdmin: Bool
  /// Whether the user starts active.
  public var isActive: Bool
  /// Teams to join.
  public var teams: [String]
  /// The PostgreSQL login role to map the user to, if any.
  public var databaseRole: DatabaseRoleChange?
  /// The team the mail of the user's personal accounts is assigned to; the user joins it too.
  public var defaultTeam: String?

  /// Creates a request.
  public init(
    login: String, name: String?, addresses: [String], isAdmin: Bool, isActive: Bool, teams: [String],
    databaseRole: DatabaseRoleChange? = nil, defaultTeam: String? = nil
  ) {
    self.defaultTeam = defaultTeam
    self.login = login
    self.name = name
    self.addresses = addresses
    self.isAdmin = isAdmin
    self.isActive = isActive
    self.teams = teams
    self.databaseRole = databaseRole
  }
}

/// What `user set` changes; nil fields stay as they are.
public struct UserChanges: Sendable {
  /// New display name.
  public var name: String?
  /// Activate or deactivate.
  public var isActive: Bool?
  /// Grant or take admin rights.
  public var isAdmin: Bool?
  /// Map the user to another PostgreSQL login role, or to none.
  public var databaseRole: DatabaseRoleChange?
  /// The team the mail of the user's personal accounts is assigned to (one of theirs; empty: none).
  public var defaultTeam: String?

  /// Creates a change set.
  public init(
    name: String? = nil, isActive: Bool? = nil, isAdmin: Bool? = nil, databaseRole: DatabaseRoleChange? = nil,
    defaultTeam: String? = nil
  ) {
    self.defaultTeam = defaultTeam
    self.name = name
    self.isActive = isActive
    self.isAdmin = isAdmin
    self.databaseRole = databaseRole
  }
}

/// What to do with the PostgreSQL login role a user connects as (Docs/security.md, "Several users
/// on PostgreSQL").
public enum DatabaseRoleChange: Equatable, Sendable {
  /// Map the user to this role; create it as a login role first when `create` is set.
  case map(String, create: Bool)
  /// Map the user to no role: their database login, if any, reaches nothing.
  case unmap

  /// Applies the change to the user's row and role memberships.
  func apply(toUser id: Int64, _ tx: Transaction) throws {
    switch self {
    case .map(let name, let create): try tx.setDatabaseRole(userID: id, to: name, create: create)
    case .unmap: try tx.setDatabaseRole(userID: id, to: nil, create: false)
    }
  }
}

extension Session {
  /// Adds a user (admins only).
  public func addUser(_ request: NewUser) throws -> User {
    try requireAdmin("user add")
    try User.validateLogin(request.login)
    if let name = request.name { try validateName(name, of: "user") }
    let addresses = try request.addresses.map(EmailAddress.init)
    return try store.write { tx in
      let id = try tx.insertUser(
        login: request.login, name: request.name ?? request.login, isAdmin: request.isAdmin,
        isActive: request.isActive)
      for (index, address) in addresses.enumerated() {
        try tx.attachAddress(address, to: .user, id: id, primary: index == 0)
      }
      let defaultTeam = request.defaultTeam.flatMap { $0.isEmpty ? nil : $0 }
      let listed = request.teams.contains { $0.lowercased() == defaultTeam?.lowercased() }
      var defaultTeamID: Int64?
      for team in request.teams + (listed ? [] : [defaultTeam].compactMap { $0 }) {
        guard let teamID = try tx.teamID(name: team) else {
          throw EspoMailError.notFound("team", team, hint: "create it with 'espomail team add \(team)'")
        }
        try tx.addMember(teamID: teamID, userID: id, position: nil)
        if team.lowercased() == defaultTeam?.lowercased() { defaultTeamID = teamID }
      }
      if let defaultTeamID { try tx.setDefaultTeam(userID: id, teamID: defaultTeamID) }
      try request.databaseRole?.apply(toUser: id, tx)
      return try tx.user(id: id).orNotFound("user", request.login)
    }
  }

  /// Every user. Admins see all; others see themselves and their teammates.
  public func listUsers() throws -> [User] {
    let all = try store.read { try $0.users() }
    if user.isAdmin { return all }
    let myTeams = Set(user.teams)
    return all.filter { $0.id == user.id || !myTeams.isDisjoint(with: $0.teams) }
  }

  /// One user. Non-admins may see themselves and their teammates only.
  public func showUser(_ login: String) throws -> User {
    let found = try store.read { try $0.user(login: login) }.orNotFound("user", login)
    guard user.isAdmin || found.id == user.id || !Set(user.teams).isDisjoint(with: found.teams) else {
      throw EspoMailError.denied("user show \(login)", because: "non-admins see only themselves and their teammates")
    }
    return found
  }

  /// Changes a user (admins only). The last active admin cannot be demoted or deactivated.
  public func setUser(_ login: String, _ changes: UserChanges) throws -> User {
    try requireAdmin("user set")
    if let name = changes.name { try validateName(name, of: "user") }
    return try store.write { tx in
      let target = try tx.user(login: login).orNotFound("user", login)
      let losesAdmin = target.isAdmin && target.isActive && (changes.isAdmin == false || changes.isActive == false)
      if losesAdmin, try tx.activeAdminCount() <= 1 {
        throw EspoMailError(
          .dataError, "'\(target.login)' is the last active admin", hint: "make another user an admin first")
      }
      try tx.updateUser(id: target.id, name: changes.name, isActive: changes.isActive, isAdmin: changes.isAdmin)
      try changes.databaseRole?.apply(toUser: target.id, tx)
      try tx.syncDatabaseRole(userID: target.id)
      if let team = changes.defaultTeam {
        guard team.isEmpty || target.teams.contains(where: { $0.lowercased() == team.lowercased() }) else {
          throw EspoMailError.invalid(
            "--default-team \(team)", "'\(target.login)' is not a member of that team",
            hint: "add them first: espomail team member add \(team) \(target.login)")
        }
        try tx.setDefaultTeam(userID: target.id, teamID: team.isEmpty ? nil : try tx.teamID(name: team))
      }
      return try tx.user(id: target.id).orNotFound("user", login)
    }
  }

  /// Adds an address to a user (admins only: an address decides which mail a user sees).
  public func addUserAddress(_ login: String, _ address: String, primary: Bool) throws -> User {
    try requireAdmin("user email add")
    let address = try EmailAddress(address)
    return try store.write { tx in
      let target = try tx.user(login: login).orNotFound("user", login)
      try tx.attachAddress(address, to: .user, id: target.id, primary: primary)
      return try tx.user(id: target.id).orNotFound("user", login)
    }
  }

  /// Removes an address from a user (admins only).
  public func removeUserAddress(_ login: String, _ address: String) throws -> User {
    try requireAdmin("user email remove")
    let address = try EmailAddress(address)
    return try store.write { tx in
      let target = try tx.user(login: login).orNotFound("user", login)
      try tx.detachAddress(address, from: .user, id: target.id)
      return try tx.user(id: target.id).orNotFound("user", login)
    }
  }

  /// Gives a user a role (admins only).
  public func addUserRole(_ login: String, _ role: String) throws -> User {
    try requireAdmin("user role add")
    return try store.write { tx in
      let target = try tx.user(login: login).orNotFound("user", login)
      let roleID = try tx.roleID(name: role).orNotFound("role", role)
      do { try tx.grantRole(userID: target.id, roleID: roleID) } catch let error as EspoMailError
        where error.status == .dataError
      {
        throw EspoMailError(.dataError, "user '\(target.login)' has the role '\(role)' already")
      }
      return try tx.user(id: target.id).orNotFound("user", login)
    }
  }

  /// Takes a role from a user (admins only).
  public func removeUserRole(_ login: String, _ role: String) throws -> User {
    try requireAdmin("user role remove")
    return try store.write { tx in
      let target = try tx.user(login: login).orNotFound("user", login)
      let roleID = try tx.roleID(name: role).orNotFound("role", role)
      do { try tx.revokeRole(userID: target.id, roleID: roleID) } catch let error as EspoMailError
        where error.status == .notFound
      {
        throw EspoMailError(.notFound, "user '\(target.login)' does not have the role '\(role)'")
      }
      return try tx.user(id: target.id).orNotFound("user", login)
    }
  }
}
