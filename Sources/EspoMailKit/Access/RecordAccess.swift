import EspoMailCore

/// Which CRM records (accounts, contacts, leads, opportunities) a role level covers
/// (Docs/security.md, "Roles"): own = created or followed by the user; team = created by a
/// teammate, or own; all = every record; no = none. Admins pass level `all`.
enum RecordAccess {
  /// Whether `level` covers the record for the user; `teammates` holds the ids of users sharing a
  /// team with them, the user included.
  static func covers(_ record: CRMRecord, level: AccessLevel, user: User, teammates: Set<Int64>) -> Bool {
    let own = record.createdByUserID == user.id || record.followers.contains(user.login)
    switch level {
    case .all: return true
    case .no: return false
    case .own: return own
    case .team: return own || (record.createdByUserID.map(teammates.contains) ?? false)
    }
  }
}
