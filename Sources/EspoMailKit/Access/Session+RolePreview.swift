import EspoMailCore
import EspoMailStore

/// How many items a user may read before and after a role change.
public struct AccessCount: Sendable, Equatable {
  /// Readable now.
  public var before: Int
  /// Readable once the change is made.
  public var after: Int
}

/// One holder of a role and what a change of it would do to their read access.
public struct RolePreviewEntry: Sendable {
  /// The user's login.
  public var login: String
  /// Emails they may read.
  public var emails: AccessCount
  /// Cases they may read.
  public var cases: AccessCount
  /// CRM records (accounts, contacts, leads, opportunities) they may read.
  public var records: AccessCount

  /// Whether the change alters anything they may read.
  public var isAffected: Bool { emails.before != emails.after || cases.before != cases.after || records.before != records.after }
}

/// What `role preview` found.
public struct RolePreview: Sendable {
  /// The role.
  public var role: String
  /// The settings previewed, as given.
  public var settings: [String]
  /// Every active holder of the role who is not an admin (admins read everything whatever their roles).
  public var users: [RolePreviewEntry]
}

extension Session {
  /// What `role set ROLE SETTINGS…` would do to the read access of the role's holders, without
  /// changing anything (admins only): for each holder, how many emails, cases and CRM records they
  /// may read now and after, counted by the same rules their commands apply (`EmailAccess`,
  /// `CaseAccess`, `RecordAccess`), each holder's roles merged as always.
  public func previewRole(_ name: String, _ settings: [String]) throws -> RolePreview {
    try requireAdmin("role preview")
    guard !settings.isEmpty else {
      throw EspoMailError(.usage, "role preview needs at least one KEY=VALUE", hint: PermissionSetting.acceptedForms)
    }
    let parsed = try settings.map(PermissionSetting.init(parsing:))
    return try store.read { tx in
      let role = try tx.role(name: name).orNotFound("role", name)
      var changed = role.permissions
      for setting in parsed { setting.apply(to: &changed) }
      let roles = Dictionary(try tx.roles().map { ($0.name.lowercased(), $0.permissions) }) { first, _ in first }
      let cases = try tx.cases(CaseQuery())
      let records = try RecordType.parentTypes.filter { $0 != .case }.flatMap { try tx.records($0) }
      let holders = try tx.users().filter { $0.isActive && !$0.isAdmin && $0.roles.contains { $0.lowercased() == role.name.lowercased() } }
      return RolePreview(
        role: role.name, settings: settings,
        users: try holders.map { holder in
          let others = holder.roles.filter { $0.lowercased() != role.name.lowercased() }.compactMap { roles[$0.lowercased()] }
          let before = RolePermissions.merged(others + [role.permissions])
          let after = RolePermissions.merged(others + [changed])
          let teammates = try Self.teammateIDs(of: holder, tx)
          let teamIDs = try tx.teamIDs(userID: holder.id)
          func emails(_ permissions: RolePermissions) throws -> Int {
            let visibility = EmailAccess.visibility(isAdmin: false, level: permissions.level(.email, .read)) { teamIDs }
            return try tx.emailCount(viewerID: holder.id, visibility: visibility)
          }
          func caseCount(_ permissions: RolePermissions) -> Int {
            cases.count { CaseAccess.covers($0, level: permissions.level(.case, .read), user: holder) }
          }
          func recordCount(_ permissions: RolePermissions) -> Int {
            records.count {
              RecordAccess.covers($0, level: permissions.level($0.reference.type.scope, .read), user: holder, teammates: teammates)
            }
          }
          return RolePreviewEntry(
            login: holder.login, emails: AccessCount(before: try emails(before), after: try emails(after)),
            cases: AccessCount(before: caseCount(before), after: caseCount(after)),
            records: AccessCount(before: recordCount(before), after: recordCount(after)))
        })
    }
  }
}
