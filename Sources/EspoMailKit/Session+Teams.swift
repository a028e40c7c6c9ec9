import EspoMailCore
import EspoMailStore

extension Session {
  /// Adds a team (admins only).
  public func addTeam(_ name: String) throws -> Team {
    try requireAdmin("team add")
    try validateName(name, of: "team")
    return try store.write { tx in
      _ = try tx.insertTeam(name: name)
      return try tx.team(name: name).orNotFound("team", name)
    }
  }

  /// Every team (everyone may see team names and members).
  public func listTeams() throws -> [Team] {
    try store.read { try $0.teams() }
  }

  /// One team with its members.
  public func showTeam(_ name: String) throws -> Team {
    try store.read { try $0.team(name: name) }.orNotFound("team", name)
  }

  /// Adds a user to a team with an optional position, or changes their position (admins only).
  public func addTeamMember(_ team: String, _ login: String, position: String?) throws -> Team {
    try requireAdmin("team member add")
    if let position { try validateName(position, of: "position") }
    return try store.write { tx in
      let teamID = try tx.teamID(name: team).orNotFound("team", team)
      let userID = try tx.userID(login: login).orNotFound("user", login)
      try tx.addMember(teamID: teamID, userID: userID, position: position)
      return try tx.team(name: team).orNotFound("team", team)
    }
  }

  /// Removes a user from a team (admins only).
  public func removeTeamMember(_ team: String, _ login: String) throws -> Team {
    try requireAdmin("team member remove")
    return try store.write { tx in
      let teamID = try tx.teamID(name: team).orNotFound("team", team)
      let userID = try tx.userID(login: login).orNotFound("user", login)
      do { try tx.removeMember(teamID: teamID, userID: userID) } catch let error as EspoMailError
        where error.status == .notFound
      {
        throw EspoMailError(.notFound, "user '\(login)' is not a member of team '\(team)'")
      }
      return try tx.team(name: team).orNotFound("team", team)
    }
  }
}
