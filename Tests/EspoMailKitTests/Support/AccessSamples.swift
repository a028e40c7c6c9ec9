import EspoMailCore

/// Users, permissions, accounts and records for access rules, built without a store.
enum AccessSamples {
  /// A user value.
  static func user(
    _ login: String, id: Int64 = 1, admin: Bool = false, teams: [String] = [], addresses: [String] = []
  ) -> User {
    User(id: id, login: login, name: login, isAdmin: admin, isActive: true, addresses: addresses, teams: teams)
  }

  /// Permissions with these levels and account permissions.
  static func permissions(
    _ levels: [Scope: [ScopeAction: AccessLevel]] = [:], personalAccounts: Bool = false,
    groupAccount: GroupAccountPermission = .no
  ) -> RolePermissions {
    RolePermissions(levels: levels, personalEmailAccounts: personalAccounts, groupEmailAccount: groupAccount)
  }

  /// A case value with an assignee, creator and teams.
  static func caseRecord(assignedTo: String? = nil, createdBy: String? = nil, teams: [String] = []) -> CaseRecord {
    CaseRecord(
      number: 1, name: "Printer", status: .assigned, assignedUser: assignedTo, account: nil, contact: nil, lead: nil,
      teams: teams, groupAccount: nil, emailCount: 0, description: nil, createdBy: createdBy,
      createdAt: "2026-11-16T10:00:00Z")
  }

  /// A CRM record value with a creator and followers.
  static func crmRecord(createdBy: Int64?, followers: [String] = []) -> CRMRecord {
    CRMRecord(
      reference: RecordReference(.contact, 1), name: "Jane", addresses: [], account: nil, accountName: nil,
      followers: followers, createdAt: "2026-11-16T10:00:00Z", createdByUserID: createdBy)
  }
}
