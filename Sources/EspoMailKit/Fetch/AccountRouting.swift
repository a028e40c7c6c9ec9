import EspoMailCore
import EspoMailStore

/// Where an account's mail goes, read once per import transaction (Docs/email-to-case.md, "Group
/// folders and teams"), as EspoCRM's importer data: a group account's mail goes to its teams, to
/// all their active members unless `--no-add-all-team-users`, and into its group folder; a
/// personal account's mail goes to its owner, their default team, and the owner's folder its IMAP
/// folder is mapped to.
struct AccountRouting {
  /// The users the account itself gives each email (owner, or team members, or assignee).
  let userIDs: [Int64]
  /// The teams each email is assigned to.
  let teamIDs: [Int64]
  /// The group folder new mail is filed in, and its name.
  let groupFolder: (id: Int64, name: String)?
  /// A personal account's owner, whose folder the folder map chooses.
  let ownerID: Int64?
  /// Why the teams got the email without their members, or the owner's default team; recorded on
  /// each new email.
  let teamNote: (outcome: String, detail: String)?

  /// The routing of an account (nil: a file imported without one) with its mail assignment.
  static func load(_ account: MailAccount?, assignment: MailAssignment, tx: Transaction) throws -> AccountRouting {
    guard let account else {
      return AccountRouting(userIDs: [], teamIDs: [], groupFolder: nil, ownerID: nil, teamNote: nil)
    }
    switch account.kind {
    case .personal:
      let owner = try account.owner.flatMap { try tx.user(login: $0) }
      let team = try owner.flatMap { try tx.defaultTeam(userID: $0.id) }
      return AccountRouting(
        userIDs: owner.map { [$0.id] } ?? [], teamIDs: team.map { [$0.id] } ?? [], groupFolder: nil, ownerID: owner?.id,
        teamNote: team.map { ("team \($0.name)", "the default team of \(account.owner ?? ""), owner of personal account \(account.name)") })
    case .group:
      let members = try tx.accountTeamMembers(accountID: account.id)
      let given = account.addsAllTeamUsers ? members.userIDs : []
      let folder = try account.groupFolder.flatMap { name in try tx.groupFolderID(name: name).map { ($0, name) } }
      let note =
        account.addsAllTeamUsers || members.teamIDs.isEmpty
        ? nil
        : (
          "teams only",
          "account \(account.name) gives its mail to its teams (\(account.teams.joined(separator: ", "))) without putting it in their members' inboxes (--no-add-all-team-users)"
        )
      return AccountRouting(
        userIDs: Array(Set(given + assignment.userIDs)).sorted(), teamIDs: members.teamIDs, groupFolder: folder,
        ownerID: nil, teamNote: note)
    }
  }

  /// Files an email in the account's group folder unless it is in one already (a filter's, or
  /// another account's), recording why; returns the folder's team members newly given it.
  func fileInGroupFolder(emailID: Int64, accountName: String, tx: Transaction) throws -> [Int64] {
    guard let groupFolder, try tx.emailGroupFolder(emailID: emailID) == nil else { return [] }
    let given = try tx.fileInGroupFolder(emailID: emailID, folderID: groupFolder.id)
    try tx.addDecision(
      emailID: emailID, step: .users, outcome: "group folder \(groupFolder.name)",
      detail: "account \(accountName) files its mail in group folder \(groupFolder.name) (--group-folder); its teams' members get it")
    return given
  }

  /// Files a newly given email in the owner's folder that the IMAP folder it came from is mapped
  /// to, recording why. The owner's own inbox filters run after, and may file it elsewhere.
  func fileInOwnersFolder(emailID: Int64, key: ServerMessageKey?, newlyGiven: [Int64], tx: Transaction) throws {
    guard let ownerID, let key, newlyGiven.contains(ownerID),
      let folderID = try tx.personalFolderID(accountID: key.accountID, imapFolder: key.folder)
    else { return }
    try tx.moveToFolder(emailID: emailID, userID: ownerID, folderID: folderID)
    try tx.addDecision(
      emailID: emailID, step: .users, outcome: "folder",
      detail: "IMAP folder \(key.folder) is filed in the owner's folder \(try tx.folderName(id: folderID) ?? "") (--folder-map)")
  }
}
