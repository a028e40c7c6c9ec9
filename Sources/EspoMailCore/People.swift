/// A person who uses espomail. Logins are operating-system logins.
public struct User: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Operating-system login, unique.
  public var login: String
  /// Display name.
  public var name: String
  /// Admins bypass every role check.
  public var isAdmin: Bool
  /// Inactive users stay in the store but can do nothing and are never assigned work.
  public var isActive: Bool
  /// Email addresses, the primary one first.
  public var addresses: [String]
  /// Names of the teams the user belongs to.
  public var teams: [String]
  /// Names of the user's roles.
  public var roles: [String]
  /// The PostgreSQL login role the user connects as (Docs/security.md), or nil.
  public var databaseRole: String?
  /// The team the mail of the user's personal accounts is assigned to (one of their teams), or nil.
  public var defaultTeam: String?
  /// What the user also gets by email (`notification preferences --email`), in their fixed order.
  public var emailNotifications: [NotificationTopic]

  /// Creates a user value.
  public init(
    id: Int64, login: String, name: String, isAdmin: Bool, isActive: Bool, addresses: [String] = [],
    teams: [String] = [], roles: [String] = [], databaseRole: String? = nil, emailNotifications: [NotificationTopic] = []
  ) {
    self.emailNotifications = emailNotifications
    self.id = id
    self.login = login
    self.name = name
    self.isAdmin = isAdmin
    self.isActive = isActive
    self.addresses = addresses
    self.teams = teams
    self.roles = roles
    self.databaseRole = databaseRole
  }

  /// Checks a login: 1 to 64 characters, letters, digits, `.`, `_`, `-`, not starting with `-`.
  public static func validateLogin(_ login: String) throws {
    let allowed = login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    guard !login.isEmpty, login.count <= 64, allowed, !login.hasPrefix("-") else {
      throw EspoMailError.invalid(
        "login '\(login)'", "use 1 to 64 ASCII letters, digits, '.', '_' or '-', not starting with '-'")
    }
  }
}

/// A team: a group of users that mail, cases and group accounts are shared with.
public struct Team: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Unique name.
  public var name: String
  /// Members with their positions.
  public var members: [TeamMember]

  /// Creates a team value.
  public init(id: Int64, name: String, members: [TeamMember] = []) {
    self.id = id
    self.name = name
    self.members = members
  }
}

/// One member of a team.
public struct TeamMember: Equatable, Sendable {
  /// The member's login.
  public var login: String
  /// The member's position in the team ("Support L1"), if any.
  public var position: String?
  /// Whether the member's user is active.
  public var isActive: Bool

  /// Creates a member value.
  public init(login: String, position: String?, isActive: Bool) {
    self.login = login
    self.position = position
    self.isActive = isActive
  }
}

/// A named set of permissions given to users.
public struct Role: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Unique name.
  public var name: String
  /// What the role grants.
  public var permissions: RolePermissions

  /// Creates a role value.
  public init(id: Int64, name: String, permissions: RolePermissions) {
    self.id = id
    self.name = name
    self.permissions = permissions
  }
}

/// Checks a name for a team, role or other named thing: 1 to 100 characters, no control characters.
public func validateName(_ name: String, of kind: String) throws {
  guard !name.trimmingWhitespace().isEmpty, name.count <= 100,
    !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" })
  else {
    throw EspoMailError.invalid("\(kind) name '\(name)'", "use 1 to 100 characters without control characters")
  }
}
