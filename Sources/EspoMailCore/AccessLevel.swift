/// How much of a scope a role lets a user reach (Docs/security.md, "Roles").
public enum AccessLevel: String, CaseIterable, Comparable, Codable, Sendable {
  /// Nothing.
  case no
  /// Records the user is part of (among an email's users, assigned to a case, …).
  case own
  /// Records that share a team with the user, and their own.
  case team
  /// Every record.
  case all

  private var rank: Int {
    switch self {
    case .no: 0
    case .own: 1
    case .team: 2
    case .all: 3
    }
  }

  /// Orders levels from `no` to `all`.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// The record scopes a role grants levels on.
public enum Scope: String, CaseIterable, Codable, Sendable {
  /// Emails.
  case email
  /// Cases.
  case `case`
  /// CRM accounts (companies).
  case account
  /// Contacts.
  case contact
  /// Leads.
  case lead
  /// Opportunities.
  case opportunity
}

/// The actions a role grants per scope.
public enum ScopeAction: String, CaseIterable, Codable, Sendable {
  /// Create new records (yes/no).
  case create
  /// See records.
  case read
  /// Change records.
  case edit
  /// Delete records for everyone.
  case delete
}

/// Who may send through a shared group account's SMTP (Docs/security.md, "Accounts").
public enum GroupAccountPermission: String, CaseIterable, Comparable, Codable, Sendable {
  /// Nobody but admins.
  case no
  /// Members of the account's teams.
  case team
  /// Everyone.
  case all

  /// Orders permissions from `no` to `all`.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}
