import EspoMailCore

/// Who may work in a group folder (Docs/security.md, "Group folders"): list its mail, move mail
/// in and out, and trash or archive it for its teams. EspoCRM's rule (GroupEmailFolder read=team):
/// admins, and members of one of the teams the folder is shared with. Moving, trashing and
/// archiving an email there also needs email.edit on that email (`EmailAccess`), since they
/// change it for everyone who works in the folder.
enum GroupFolderAccess {
  /// The decision for a user on a folder; `sharesTeam` is asked only for non-admins.
  static func decide(folder: String, isAdmin: Bool, sharesTeam: () throws -> Bool) rethrows -> AccessDecision {
    if isAdmin { return .allow("admin") }
    return try sharesTeam()
      ? .allow("a member of a team group folder \(folder) is shared with")
      : .deny("group folder \(folder) is shared with none of your teams")
  }
}
