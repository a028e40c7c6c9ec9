import EspoMailCore

/// Text renderings of people, teams and roles.
enum PeopleText {
  /// Several lines describing one user.
  static func user(_ user: User) -> String {
    """
    login:     \(user.login)
    name:      \(user.name)
    admin:     \(user.isAdmin ? "yes" : "no")
    active:    \(user.isActive ? "yes" : "no")
    addresses: \(user.addresses.isEmpty ? "-" : user.addresses.joined(separator: ", "))
    teams:     \(user.teams.isEmpty ? "-" : user.teams.joined(separator: ", "))
    roles:     \(user.roles.isEmpty ? "-" : user.roles.joined(separator: ", "))
    """ + (user.defaultTeam.map { "\ndefault:   \($0) (team of their personal accounts' mail)" } ?? "")
      + (user.databaseRole.map { "\ndb role:   \($0)" } ?? "")
  }

  /// A table of users.
  static func users(_ users: [User]) -> String {
    TextTable(
      headers: ["LOGIN", "NAME", "ADMIN", "ACTIVE", "ADDRESSES", "TEAMS"],
      rows: users.map {
        [
          $0.login, $0.name, $0.isAdmin ? "yes" : "no", $0.isActive ? "yes" : "no",
          $0.addresses.joined(separator: ","), $0.teams.joined(separator: ","),
        ]
      }
    ).render(empty: "no users")
  }

  /// Several lines describing one team.
  static func team(_ team: Team) -> String {
    let members = TextTable(
      headers: ["MEMBER", "POSITION", "ACTIVE"],
      rows: team.members.map { [$0.login, $0.position.orDash, $0.isActive ? "yes" : "no"] }
    ).render(empty: "no members")
    return "team: \(team.name)\n" + members
  }

  /// A table of teams.
  static func teams(_ teams: [Team]) -> String {
    TextTable(
      headers: ["TEAM", "MEMBERS"],
      rows: teams.map { [$0.name, $0.members.map(\.login).joined(separator: ",")] }
    ).render(empty: "no teams")
  }

  /// Several lines describing one role's permissions.
  static func role(_ role: Role) -> String {
    let permissions = role.permissions
    var lines = ["role: \(role.name)"]
    let table = TextTable(
      headers: ["SCOPE", "CREATE", "READ", "EDIT", "DELETE"],
      rows: Scope.allCases.map { scope in
        [
          scope.rawValue, permissions.mayCreate(scope) ? "yes" : "no",
          permissions.level(scope, .read).rawValue, permissions.level(scope, .edit).rawValue,
          permissions.level(scope, .delete).rawValue,
        ]
      })
    lines.append(table.render(empty: ""))
    lines.append("personal-email-accounts: \(permissions.personalEmailAccounts ? "yes" : "no")")
    lines.append("group-email-account:     \(permissions.groupEmailAccount.rawValue)")
    return lines.joined(separator: "\n")
  }
}
