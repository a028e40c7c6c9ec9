import EspoMailCore
import EspoMailStore

extension Session {
  /// Adds a personal folder for the acting user (or, for admins, another user).
  public func addFolder(_ name: String, login: String?, skipNotifications: Bool) throws -> FolderInfo {
    try validateName(name, of: "folder")
    guard SpecialFolder(named: name) == nil else {
      throw EspoMailError.invalid(
        "folder name '\(name)'",
        "it is one of the built-in views \(SpecialFolder.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let owner = login ?? user.login
    if owner.lowercased() != user.login.lowercased() { try requireAdmin("folder add --user \(owner)") }
    return try store.write { tx in
      let ownerID = try tx.userID(login: owner).orNotFound("user", owner)
      let id = try tx.insertFolder(userID: ownerID, name: name, skipNotifications: skipNotifications)
      return try tx.folders(userID: ownerID).first { $0.id == id }.orNotFound("folder", name)
    }
  }

  /// A user's personal folders (others' for admins only).
  public func listFolders(login: String?) throws -> [FolderInfo] {
    let owner = login ?? user.login
    if owner.lowercased() != user.login.lowercased() { try requireAdmin("folder list --user \(owner)") }
    return try store.read { tx in try tx.folders(userID: try tx.userID(login: owner).orNotFound("user", owner)) }
  }

  /// Adds a group folder shared by teams (admins only).
  public func addGroupFolder(_ name: String, teams: [String]) throws -> FolderInfo {
    try requireAdmin("group-folder add")
    try validateName(name, of: "group folder")
    guard !teams.isEmpty else { throw EspoMailError(.usage, "a group folder needs at least one --team") }
    return try store.write { tx in
      let teamIDs = try teams.map { try tx.teamID(name: $0).orNotFound("team", $0) }
      let id = try tx.insertGroupFolder(name: name, teamIDs: teamIDs)
      return try tx.groupFolders().first { $0.id == id }.orNotFound("group folder", name)
    }
  }

  /// Shares a group folder with exactly these teams (admins only).
  public func setGroupFolderTeams(_ name: String, teams: [String]) throws -> FolderInfo {
    try requireAdmin("group-folder set")
    guard !teams.isEmpty else { throw EspoMailError(.usage, "a group folder needs at least one team") }
    return try store.write { tx in
      let id = try tx.groupFolderID(name: name).orNotFound("group folder", name)
      try tx.setGroupFolderTeams(folderID: id, teamIDs: try teams.map { try tx.teamID(name: $0).orNotFound("team", $0) })
      return try tx.groupFolders().first { $0.id == id }.orNotFound("group folder", name)
    }
  }

  /// Group folders: admins see all; others those shared with one of their teams.
  public func listGroupFolders() throws -> [FolderInfo] {
    let all = try store.read { try $0.groupFolders() }
    return user.isAdmin ? all : all.filter { !Set($0.teams).isDisjoint(with: user.teams) }
  }
}
