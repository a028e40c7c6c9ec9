import EspoMailCore
import EspoMailStore

/// Whom a group account that opens no cases assigns its mail to (`account set --assign-to`): the
/// user is given every email it imports and made its assignee (Docs/email-to-case.md, "Assigning
/// mail without cases"). On a case account the same setting names the direct-distribution user.
enum MailAssignment: Equatable {
  /// The account assigns nothing (personal, opens cases, or names nobody).
  case none
  /// Every email goes to this active user.
  case to(id: Int64, login: String)
  /// The named user is inactive: mail stays unassigned.
  case inactive(login: String)

  /// The assignment of an account, read once per import transaction.
  static func load(_ account: MailAccount?, tx: Transaction) throws -> MailAssignment {
    guard let account, account.kind == .group, !account.cases.createCase, let login = account.cases.assignTo,
      let user = try tx.user(login: login)
    else { return .none }
    return user.isActive ? .to(id: user.id, login: user.login) : .inactive(login: user.login)
  }

  /// The users to give each email: the assignee, if active.
  var userIDs: [Int64] {
    if case .to(let id, _) = self { return [id] }
    return []
  }

  /// Makes the assignee the email's assignee (unless it has one) and records why; a new email
  /// (`isNew`) also records an inactive assignee.
  func record(emailID: Int64, accountName: String, isNew: Bool, tx: Transaction) throws {
    switch self {
    case .none:
      return
    case .to(let id, let login):
      guard try tx.assignEmail(emailID: emailID, userID: id) else { return }
      try tx.addDecision(
        emailID: emailID, step: .assignment, outcome: login,
        detail: "account \(accountName) opens no cases and assigns its mail to \(login) (--assign-to)")
    case .inactive(let login):
      guard isNew else { return }
      try tx.addDecision(
        emailID: emailID, step: .assignment, outcome: "unassigned",
        detail: "account \(accountName) assigns its mail to \(login), who is inactive")
    }
  }
}
