import EspoMailCore

/// Which cases a role level covers (Docs/security.md, "Roles"): own = assigned to or created by the
/// user; team = shares a team with the user, or own; all = every case; no = none. Admins pass
/// level `all`.
enum CaseAccess {
  /// Whether `level` covers the case for the user.
  static func covers(_ found: CaseRecord, level: AccessLevel, user: User) -> Bool {
    let own = found.assignedUser == user.login || found.createdBy == user.login
    switch level {
    case .all: return true
    case .no: return false
    case .own: return own
    case .team: return own || !Set(found.teams).isDisjoint(with: user.teams)
    }
  }
}
