import EspoMailCore
import EspoMailStore

/// Who may act on an email, by the role level of the action's scope (Docs/security.md, "Roles"):
/// admins and `all` always; `team` when the user has the email or shares one of its teams; `own`
/// when the user has it (is among its users); `no` never. The one place this rule is written: the
/// checks on one email, the visibility `email list` filters by in SQL, linking's notifications and
/// `email delete` all come here.
enum EmailAccess {
  /// The decision for `action` given the user's relation to the email; `sharesTeam` is asked only
  /// when the level needs it.
  static func decide(
    _ action: ScopeAction, isAdmin: Bool, level: AccessLevel, hasEmail: Bool, sharesTeam: () throws -> Bool
  ) rethrows -> AccessDecision {
    if isAdmin { return .allow("admin") }
    let grant = "email.\(action.rawValue)=\(level.rawValue)"
    switch level {
    case .all: return .allow(grant)
    case .no: return .deny(grant)
    case .own: return hasEmail ? .allow("\(grant) and has the email") : .deny("\(grant) and not among its users")
    case .team:
      if hasEmail { return .allow("\(grant) and has the email") }
      return try sharesTeam() ? .allow("\(grant) and shares a team") : .deny("\(grant) and shares no team with it")
    }
  }

  /// Which emails a listing shows a user with this read level: the same rule as `decide`, in the
  /// form the store's queries filter by.
  static func visibility(isAdmin: Bool, level: AccessLevel, teamIDs: () throws -> [Int64]) rethrows -> EmailVisibility {
    if isAdmin { return .all }
    switch level {
    case .all: return .all
    case .team: return .team(try teamIDs())
    case .own: return .own
    case .no: return .none
    }
  }
}
