import EspoMailCore
import Testing

@Suite struct PermissionTests {
  @Test func parsesEveryForm() throws {
    #expect(try PermissionSetting(parsing: "email.read=own") == .level(.email, .read, .own))
    #expect(try PermissionSetting(parsing: "CASE.create=yes") == .level(.case, .create, .all))
    #expect(try PermissionSetting(parsing: "case.create=no") == .level(.case, .create, .no))
    #expect(try PermissionSetting(parsing: "personal-email-accounts=yes") == .personalEmailAccounts(true))
    #expect(try PermissionSetting(parsing: "group-email-account=team") == .groupEmailAccount(.team))
  }

  @Test(arguments: [
    "email.read", "email.read=some", "email.view=own", "mail.read=own", "case.create=own",
    "personal-email-accounts=team", "group-email-account=own", "=own",
  ])
  func rejectsMalformedSettings(_ text: String) {
    #expect(throws: EspoMailError.self) { try PermissionSetting(parsing: text) }
  }

  @Test func newUsersHaveNoAccess() {
    for scope in Scope.allCases {
      for action in ScopeAction.allCases { #expect(RolePermissions.none.level(scope, action) == .no) }
    }
    #expect(!RolePermissions.none.personalEmailAccounts)
    #expect(RolePermissions.none.groupEmailAccount == .no)
  }

  @Test func mergingKeepsTheMostGenerousLevel() throws {
    var agent = RolePermissions.none
    var viewer = RolePermissions.none
    try PermissionSetting(parsing: "email.read=own").apply(to: &agent)
    try PermissionSetting(parsing: "group-email-account=team").apply(to: &agent)
    try PermissionSetting(parsing: "email.read=team").apply(to: &viewer)
    try PermissionSetting(parsing: "case.delete=all").apply(to: &viewer)
    try PermissionSetting(parsing: "personal-email-accounts=yes").apply(to: &viewer)
    let merged = RolePermissions.merged([agent, viewer])
    #expect(merged.level(.email, .read) == .team)
    #expect(merged.level(.case, .delete) == .all)
    #expect(merged.groupEmailAccount == .team)
    #expect(merged.personalEmailAccounts)
  }

  @Test func exitStatusesFollowSysexits() {
    #expect(ExitStatus.usage.rawValue == 64)
    #expect(ExitStatus.dataError.rawValue == 65)
    #expect(ExitStatus.notFound.rawValue == 66)
    #expect(ExitStatus.tryAgain.rawValue == 75)
    #expect(ExitStatus.permissionDenied.rawValue == 77)
    #expect(ExitStatus.configuration.rawValue == 78)
  }
}
