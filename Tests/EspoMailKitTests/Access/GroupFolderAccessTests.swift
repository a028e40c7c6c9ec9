import Testing

@testable import EspoMailKit

/// Who works in a group folder (`GroupFolderAccess`): admins always, others by a shared team.
@Suite struct GroupFolderAccessTests {
  @Test(arguments: [false, true], [false, true])
  func adminsAndTeamMembersWorkInIt(isAdmin: Bool, sharesTeam: Bool) {
    var asked = false
    let decision = GroupFolderAccess.decide(folder: "Invoices", isAdmin: isAdmin) {
      asked = true
      return sharesTeam
    }
    #expect(decision.allowed == (isAdmin || sharesTeam))
    #expect(asked == !isAdmin, "the team is asked only for non-admins")
    if !decision.allowed { #expect(decision.reason.contains("none of your teams")) }
  }
}
