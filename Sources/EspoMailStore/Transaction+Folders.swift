import EspoMailCore

/// A personal or group folder.
public struct FolderInfo: Equatable, Codable, Sendable {
  /// Store id.
  public var id: Int64
  /// Name.
  public var name: String
  /// The owner (personal folders).
  public var owner: String?
  /// Teams sharing it (group folders).
  public var teams: [String]
  /// Personal folders: mail filed here notifies nobody.
  public var skipNotifications: Bool
}

/// Where an email in a group folder stands for the folder's teams; the raw values are the store's
/// and the JSON's `groupFolderStatus`.
public enum GroupFolderStatus: String, CaseIterable, Sendable {
  /// Archived for everyone who works in the folder.
  case archive
  /// Trashed for everyone who works in the folder.
  case trash
}

/// A per-user flag on an email.
public enum EmailUserFlag: String, Sendable {
  /// Read.
  case read = "is_read"
  /// Important.
  case important = "is_important"
  /// In the user's trash.
  case trash = "in_trash"
  /// In the user's archive.
  case archive = "in_archive"
}

extension Transaction {
  /// Adds a personal folder; returns its id.
  public func insertFolder(userID: Int64, name: String, skipNotifications: Bool) throws -> Int64 {
    if try folderID(userID: userID, name: name) != nil { throw EspoMailError.alreadyExists("folder", name) }
    return try db.insert("INSERT INTO email_folder(user_id, name, skip_notifications) VALUES (?, ?, ?)", [userID, name, skipNotifications])
  }

  /// A user's folder id by name, or nil.
  public func folderID(userID: Int64, name: String) throws -> Int64? {
    try db.value(Int64.self, "SELECT id FROM email_folder WHERE user_id = ? AND name = ?", [userID, name])
  }

  /// A user's folders, by name.
  public func folders(userID: Int64) throws -> [FolderInfo] {
    try db.rows("""
        SELECT f.id, f.name, f.skip_notifications, u.login FROM email_folder f JOIN "user" u ON u.id = f.user_id
        WHERE f.user_id = ? ORDER BY f.name
        """, [userID]).map { FolderInfo(id: $0["id"], name: $0["name"], owner: $0["login"], teams: [], skipNotifications: $0["skip_notifications"]) }
  }

  /// Whether a personal folder skips notifications.
  public func folderSkipsNotifications(id: Int64) throws -> Bool {
    try db.value(Bool.self, "SELECT skip_notifications FROM email_folder WHERE id = ?", [id]) ?? false
  }

  /// Adds a group folder shared by teams; returns its id.
  public func insertGroupFolder(name: String, teamIDs: [Int64]) throws -> Int64 {
    if try groupFolderID(name: name) != nil { throw EspoMailError.alreadyExists("group folder", name) }
    let id = try db.insert("INSERT INTO group_folder(name) VALUES (?)", [name])
    for teamID in teamIDs {
      try db.execute("INSERT INTO group_folder_team(folder_id, team_id) VALUES (?, ?)", [id, teamID])
    }
    return id
  }

  /// Shares a group folder with exactly these teams.
  public func setGroupFolderTeams(folderID: Int64, teamIDs: [Int64]) throws {
    try db.execute("DELETE FROM group_folder_team WHERE folder_id = ?", [folderID])
    for teamID in teamIDs {
      try db.execute("INSERT INTO group_folder_team(folder_id, team_id) VALUES (?, ?)", [folderID, teamID])
    }
  }

  /// A group folder id by name, or nil.
  public func groupFolderID(name: String) throws -> Int64? {
    try db.value(Int64.self, "SELECT id FROM group_folder WHERE name = ?", [name])
  }

  /// Every group folder with its teams.
  public func groupFolders() throws -> [FolderInfo] {
    try db.rows("SELECT id, name FROM group_folder ORDER BY name").map { row in
      let id: Int64 = row["id"]
      return FolderInfo(
        id: id, name: row["name"], owner: nil,
        teams: try db.values(String.self, "SELECT t.name FROM group_folder_team g JOIN team t ON t.id = g.team_id WHERE g.folder_id = ? ORDER BY t.name", [id]),
        skipNotifications: false)
    }
  }

  /// A personal folder's name by id, or nil.
  public func folderName(id: Int64) throws -> String? {
    try db.value(String.self, "SELECT name FROM email_folder WHERE id = ?", [id])
  }

  /// The group folder an email is in and its team status (archive or trash; nil: live), or nil.
  public func emailGroupFolder(emailID: Int64) throws -> (id: Int64, name: String, status: GroupFolderStatus?)? {
    try db.row("""
        SELECT g.id, g.name, e.group_status_folder FROM email e JOIN group_folder g ON g.id = e.group_folder_id
        WHERE e.id = ?
        """, [emailID]).map { ($0["id"], $0["name"], GroupFolderStatus(rawValue: $0["group_status_folder"] ?? "")) }
  }

  /// Sets (or clears) the team status of an email in a group folder: archived or trashed for
  /// everyone who works in the folder.
  public func setGroupFolderStatus(emailID: Int64, _ status: GroupFolderStatus?) throws {
    try db.execute("UPDATE email SET group_status_folder = ? WHERE id = ?", [status?.rawValue, emailID])
  }

  /// Takes an email out of its group folder (and the folder's trash or archive); its teams and
  /// users stay.
  public func removeFromGroupFolder(emailID: Int64) throws {
    try db.execute("UPDATE email SET group_folder_id = NULL, group_status_folder = NULL WHERE id = ?", [emailID])
  }

  /// Whether a user belongs to one of the teams a group folder is shared with.
  public func sharesGroupFolder(userID: Int64, folderID: Int64) throws -> Bool {
    try db.value(
      Bool.self, """
        SELECT EXISTS(SELECT 1 FROM group_folder_team g JOIN team_member m ON m.team_id = g.team_id
                      WHERE g.folder_id = ? AND m.user_id = ?)
        """, [folderID, userID]) ?? false
  }

  /// Files an email in a group folder (out of any folder's trash or archive): the folder's teams
  /// and their active members get it; returns the members newly given it.
  public func fileInGroupFolder(emailID: Int64, folderID: Int64) throws -> [Int64] {
    try db.execute("UPDATE email SET group_folder_id = ?, group_status_folder = NULL WHERE id = ?", [folderID, emailID])
    let teamIDs = try db.values(Int64.self, "SELECT team_id FROM group_folder_team WHERE folder_id = ?", [folderID])
    try addEmailTeams(emailID: emailID, teamIDs: teamIDs)
    let members = try db.values(Int64.self, """
        SELECT DISTINCT m.user_id FROM team_member m JOIN group_folder_team g ON g.team_id = m.team_id
        JOIN "user" u ON u.id = m.user_id WHERE g.folder_id = ? AND u.is_active = 1 ORDER BY m.user_id
        """, [folderID])
    return try addEmailUsers(emailID: emailID, userIDs: members)
  }

  /// Sets one per-user flag; false when the user does not have the email.
  @discardableResult
  public func setFlag(_ flag: EmailUserFlag, _ value: Bool, emailID: Int64, userID: Int64) throws -> Bool {
    return try db.execute("UPDATE email_user SET \(flag.rawValue) = ? WHERE email_id = ? AND user_id = ?", [value, emailID, userID]) > 0
  }

  /// Files an email in one of the user's folders (nil: back to the inbox), out of trash and archive.
  @discardableResult
  public func moveToFolder(emailID: Int64, userID: Int64, folderID: Int64?) throws -> Bool {
    return try db.execute("UPDATE email_user SET folder_id = ?, in_trash = 0, in_archive = 0 WHERE email_id = ? AND user_id = ?", [folderID, emailID, userID]) > 0
  }

  /// Archives an email for a user (out of any folder).
  @discardableResult
  public func archive(emailID: Int64, userID: Int64) throws -> Bool {
    return try db.execute("UPDATE email_user SET in_archive = 1, folder_id = NULL WHERE email_id = ? AND user_id = ?", [emailID, userID]) > 0
  }

  /// Deletes an email for everyone, with its raw message unless another email or a quarantine
  /// entry holds the same bytes. Its server messages stay settled in the ledger, so it is not
  /// fetched again. On SQLite its words stay in the contentless search index (words only, no
  /// text; ids are never reused, so no search finds it); PostgreSQL removes them with the row.
  public func deleteEmail(id: Int64) throws {
    let raw = try db.value(String.self, "SELECT raw_sha256 FROM email WHERE id = ?", [id])
    try db.execute("DELETE FROM note WHERE email_id = ?", [id])
    try db.execute("DELETE FROM email WHERE id = ?", [id])
    if let raw {
      try db.execute(
        """
        DELETE FROM raw_message WHERE sha256 = ?1 AND NOT EXISTS (SELECT 1 FROM email WHERE raw_sha256 = ?1)
        AND NOT EXISTS (SELECT 1 FROM quarantine WHERE raw_sha256 = ?1)
        """, [raw])
    }
  }
}
