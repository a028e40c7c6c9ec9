import EspoMailCore
import EspoMailKit

/// A user as `user add|list|show|set` and `user email|role add|remove` print it.
struct UserJSON: JSONOutput {
  /// The user shown.
  let user: User

  /// Wraps a user.
  init(_ user: User) { self.user = user }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case login = "login"
    case name = "name"
    case isAdmin = "isAdmin"
    case isActive = "isActive"
    case addresses = "addresses"
    case teams = "teams"
    case roles = "roles"
    case databaseRole = "databaseRole"
    case defaultTeam = "defaultTeam"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(user.id, forKey: .id)
    try json.encode(user.login, forKey: .login)
    try json.encode(user.name, forKey: .name)
    try json.encode(user.isAdmin, forKey: .isAdmin)
    try json.encode(user.isActive, forKey: .isActive)
    try json.encode(user.addresses, forKey: .addresses)
    try json.encode(user.teams, forKey: .teams)
    try json.encode(user.roles, forKey: .roles)
    try json.encode(user.databaseRole, forKey: .databaseRole)
    try json.encodeOrNull(user.defaultTeam, forKey: .defaultTeam)
  }
}

/// A team with its members, as `team add|list|show` and `team member add|remove` print it.
struct TeamJSON: JSONOutput {
  /// The team shown.
  let team: Team

  /// Wraps a team.
  init(_ team: Team) { self.team = team }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case name = "name"
    case members = "members"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(team.id, forKey: .id)
    try json.encode(team.name, forKey: .name)
    try json.encode(team.members.map(TeamMemberJSON.init), forKey: .members)
  }
}

/// One member of a team, inside `TeamJSON`.
struct TeamMemberJSON: JSONOutput {
  /// The member shown.
  let member: TeamMember

  /// Wraps a member.
  init(_ member: TeamMember) { self.member = member }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case login = "login"
    case position = "position"
    case isActive = "isActive"
  }

  /// Writes every key, a missing position as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(member.login, forKey: .login)
    try json.encodeOrNull(member.position, forKey: .position)
    try json.encode(member.isActive, forKey: .isActive)
  }
}

/// A role as `role create|list|show|set` print it: permissions as a flat `KEY: VALUE` map, the
/// same keys `role set` takes, every one present (`no` included).
struct RoleJSON: JSONOutput {
  /// The role shown.
  let role: Role

  /// Wraps a role.
  init(_ role: Role) { self.role = role }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case name = "name"
    case permissions = "permissions"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(role.id, forKey: .id)
    try json.encode(role.name, forKey: .name)
    try json.encode(role.permissions.settings, forKey: .permissions)
  }
}

/// What `role preview` prints: each holder's readable emails, cases and records before and after.
struct RolePreviewJSON: JSONOutput {
  /// The preview shown.
  let preview: RolePreview

  /// Wraps a preview.
  init(_ preview: RolePreview) { self.preview = preview }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case role = "role"
    case settings = "settings"
    case users = "users"
  }

  /// One holder's keys.
  private enum UserKeys: String, CodingKey {
    case login = "login"
    case affected = "affected"
    case emails = "emails"
    case cases = "cases"
    case records = "records"
  }

  /// A count's keys.
  private enum CountKeys: String, CodingKey {
    case before = "before"
    case after = "after"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(preview.role, forKey: .role)
    try json.encode(preview.settings, forKey: .settings)
    var users = json.nestedUnkeyedContainer(forKey: .users)
    for user in preview.users {
      var entry = users.nestedContainer(keyedBy: UserKeys.self)
      try entry.encode(user.login, forKey: .login)
      try entry.encode(user.isAffected, forKey: .affected)
      for (key, count) in [(UserKeys.emails, user.emails), (.cases, user.cases), (.records, user.records)] {
        var counts = entry.nestedContainer(keyedBy: CountKeys.self, forKey: key)
        try counts.encode(count.before, forKey: .before)
        try counts.encode(count.after, forKey: .after)
      }
    }
  }
}
