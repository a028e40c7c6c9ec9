import EspoMailCore
import EspoMailStore

/// `EmailAccess` applied to stored users and emails inside one transaction, for any user (the
/// acting one, or a follower linking considers notifying).
struct EmailAccessCheck {
  /// The transaction lookups run in.
  let tx: Transaction
  /// Users, roles and teams, looked up once per transaction.
  let people: PeopleCache

  /// A check in `tx`, with a cache of its own unless one is shared.
  init(tx: Transaction, people: PeopleCache? = nil) {
    self.tx = tx
    self.people = people ?? PeopleCache(tx: tx)
  }

  /// Whether the user may take `action` (default read) on the email, and why.
  func decide(userID: Int64, emailID: Int64, _ action: ScopeAction = .read) throws -> AccessDecision {
    guard let user = try people.user(userID) else { return .deny("unknown user \(userID)") }
    return try EmailAccess.decide(
      action, isAdmin: user.isAdmin, level: try people.permissions(userID: userID).level(.email, action),
      hasEmail: try tx.emailUserIDs(emailID: emailID).contains(userID),
      sharesTeam: { !Set(try tx.emailTeamIDs(emailID: emailID)).isDisjoint(with: try people.teamIDs(userID: userID)) })
  }
}
