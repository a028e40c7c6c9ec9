import EspoMailCore
import EspoMailStore

/// Whether a user may read an email by their role's email.read level (Espo §13): admins and
/// `all` always; `team` when the user has the email or shares one of its teams; `own` when the
/// user has it; `no` never.
struct EmailReadCheck {
  /// The transaction lookups run in.
  let tx: Transaction
  /// Users, roles and teams, looked up once per transaction.
  let people: PeopleCache

  /// A check in `tx`, with a cache of its own unless one is shared.
  init(tx: Transaction, people: PeopleCache? = nil) {
    self.tx = tx
    self.people = people ?? PeopleCache(tx: tx)
  }

  /// The decision and, when refused, why.
  func mayRead(userID: Int64, emailID: Int64) throws -> (allowed: Bool, reason: String) {
    guard let user = try people.user(userID) else { return (false, "unknown user") }
    if user.isAdmin { return (true, "admin") }
    let level = try people.permissions(userID: userID).level(.email, .read)
    let hasIt = try tx.emailUserIDs(emailID: emailID).contains(userID)
    switch level {
    case .all: return (true, "email.read=all")
    case .no: return (false, "email.read=no")
    case .own: return hasIt ? (true, "email.read=own and has the email") : (false, "email.read=own and not among its users")
    case .team:
      if hasIt { return (true, "email.read=team and has the email") }
      let shared = !Set(try tx.emailTeamIDs(emailID: emailID)).isDisjoint(with: try people.teamIDs(userID: userID))
      return shared ? (true, "email.read=team and shares a team") : (false, "email.read=team and shares no team with it")
    }
  }
}
