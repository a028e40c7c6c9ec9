import EspoMailCore
import EspoMailStore

/// A change the team makes to an email of a group folder, for everyone who works in the folder.
enum GroupFolderChange {
  /// Into the folder's trash, or back out of it.
  case status(GroupFolderStatus?)
  /// Out of the folder: the per-user move then files it for the acting user.
  case takeOut
}

extension Session {
  /// Files an email in a group folder for the folder's teams: they and their active members get
  /// it, and it leaves the folder's trash or archive and any other group folder. Needs a team of
  /// the folder (and of the folder it leaves) and email.edit on the email (Docs/email-to-case.md,
  /// "Group folders and teams").
  public func moveEmailToGroupFolder(_ emailID: Int64, folder: String) throws -> EmailSummary {
    try store.write { tx in
      let action = "email move \(emailID) --group-folder \(folder)"
      let folderID = try workableGroupFolder(folder, action: action, tx)
      try requireTeamChange(emailID, action: action, tx)
      _ = try tx.fileInGroupFolder(emailID: emailID, folderID: folderID)
      try tx.setFlag(.archive, false, emailID: emailID, userID: user.id)
      try tx.addDecision(
        emailID: emailID, step: .users, outcome: "group folder \(folder)",
        detail: "moved into group folder \(folder) by \(user.login); its teams' members get it")
      return try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)").summary
    }
  }

  /// The change `change` makes for the team when the email is in a group folder the acting user
  /// works in, checked and applied; nil when the change is the user's own (not in such a folder,
  /// or a read or importance flag).
  func applyGroupFolderChange(_ change: EmailStateChange, emailID: Int64, _ tx: Transaction) throws -> GroupFolderChange? {
    guard let current = try tx.emailGroupFolder(emailID: emailID),
      try GroupFolderAccess.decide(folder: current.name, isAdmin: user.isAdmin, sharesTeam: {
        try tx.sharesGroupFolder(userID: user.id, folderID: current.id)
      }).allowed
    else { return nil }
    let teamChange: GroupFolderChange
    switch change {
    case .trash: teamChange = .status(.trash)
    case .archive: teamChange = .status(.archive)
    case .restore where current.status == .trash: teamChange = .status(nil)
    case .move: teamChange = .takeOut
    default: return nil
    }
    try requireTeamChange(emailID, action: "change email:\(emailID) in group folder \(current.name)", tx)
    switch teamChange {
    case .status(let status): try tx.setGroupFolderStatus(emailID: emailID, status)
    case .takeOut: try tx.removeFromGroupFolder(emailID: emailID)
    }
    return teamChange
  }

  /// The id of a group folder the acting user works in, or a refusal naming `action`.
  func workableGroupFolder(_ name: String, action: String, _ tx: Transaction) throws -> Int64 {
    let id = try tx.groupFolderID(name: name).orNotFound("group folder", name, hint: "see 'espomail group-folder list'")
    let access = try GroupFolderAccess.decide(folder: name, isAdmin: user.isAdmin) {
      try tx.sharesGroupFolder(userID: user.id, folderID: id)
    }
    guard access.allowed else { throw EspoMailError.denied(action, because: access.reason) }
    return id
  }

  /// Throws unless the acting user may change the email for a group folder's teams: it exists,
  /// they have email.edit on it, they work in the group folder it is in (if any), and they connect
  /// as more than their own database role, which changes only their own view of mail.
  private func requireTeamChange(_ emailID: Int64, action: String, _ tx: Transaction) throws {
    _ = try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)")
    if try tx.connectsAsAgent() {
      throw EspoMailError.denied(
        action, because: "your own database role changes only your own view of mail, and group folders are the team's",
        hint: "run it where espomail connects as the fetch service or as an admin (Docs/security.md)")
    }
    let edit = try EmailAccessCheck(tx: tx).decide(userID: user.id, emailID: emailID, .edit)
    guard edit.allowed else { throw EspoMailError.denied(action, because: edit.reason) }
    if let current = try tx.emailGroupFolder(emailID: emailID) {
      _ = try workableGroupFolder(current.name, action: action, tx)
    }
  }
}
