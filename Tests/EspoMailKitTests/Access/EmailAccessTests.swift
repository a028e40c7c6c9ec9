import EspoMailCore
import EspoMailStore
import Testing

@testable import EspoMailKit

/// The email access rule for every level and relation (`EmailAccess`), without a store.
@Suite struct EmailAccessTests {
  /// What the rule answers without admin rights: all always, no never, own with the email, team
  /// with the email or a shared team.
  private static func expected(_ level: AccessLevel, hasEmail: Bool, sharesTeam: Bool) -> Bool {
    switch level {
    case .all: true
    case .no: false
    case .own: hasEmail
    case .team: hasEmail || sharesTeam
    }
  }

  @Test(
    "every level × has the email × shares a team, for every action",
    arguments: AccessLevel.allCases, ScopeAction.allCases)
  func everyLevelAndRelation(_ level: AccessLevel, _ action: ScopeAction) {
    for hasEmail in [false, true] {
      for sharesTeam in [false, true] {
        let decision = EmailAccess.decide(
          action, isAdmin: false, level: level, hasEmail: hasEmail, sharesTeam: { sharesTeam })
        #expect(
          decision.allowed == Self.expected(level, hasEmail: hasEmail, sharesTeam: sharesTeam),
          "\(action.rawValue)=\(level.rawValue) hasEmail=\(hasEmail) sharesTeam=\(sharesTeam)")
        #expect(decision.reason.hasPrefix("email.\(action.rawValue)=\(level.rawValue)"))
      }
    }
  }

  @Test("admins are allowed at every level, without asking about teams", arguments: AccessLevel.allCases)
  func adminsAlwaysPass(_ level: AccessLevel) {
    let decision = EmailAccess.decide(.delete, isAdmin: true, level: level, hasEmail: false) {
      Issue.record("asked about teams for an admin")
      return false
    }
    #expect(decision == AccessDecision(allowed: true, reason: "admin"))
  }

  @Test("teams are asked about only at level team, and only when the user lacks the email")
  func sharesTeamIsAskedOnlyWhenNeeded() {
    for level in AccessLevel.allCases {
      for hasEmail in [false, true] {
        var asked = 0
        _ = EmailAccess.decide(.read, isAdmin: false, level: level, hasEmail: hasEmail) {
          asked += 1
          return true
        }
        #expect(asked == (level == .team && !hasEmail ? 1 : 0), "level \(level.rawValue) hasEmail=\(hasEmail)")
      }
    }
  }

  @Test("the reasons say which grant decided and why")
  func reasons() {
    #expect(
      EmailAccess.decide(.read, isAdmin: false, level: .team, hasEmail: false, sharesTeam: { true }).reason
        == "email.read=team and shares a team")
    #expect(
      EmailAccess.decide(.edit, isAdmin: false, level: .team, hasEmail: false, sharesTeam: { false }).reason
        == "email.edit=team and shares no team with it")
    #expect(
      EmailAccess.decide(.read, isAdmin: false, level: .own, hasEmail: false, sharesTeam: { true }).reason
        == "email.read=own and not among its users")
    #expect(
      EmailAccess.decide(.delete, isAdmin: false, level: .own, hasEmail: true, sharesTeam: { false }).reason
        == "email.delete=own and has the email")
    #expect(
      EmailAccess.decide(.read, isAdmin: false, level: .no, hasEmail: true, sharesTeam: { true }).reason
        == "email.read=no")
  }

  @Test("a team lookup that fails fails the decision")
  func failingTeamLookupPropagates() {
    #expect(throws: EspoMailError.self) {
      try EmailAccess.decide(.read, isAdmin: false, level: .team, hasEmail: false) {
        throw EspoMailError(.ioError, "store gone")
      }
    }
  }

  @Test("listing visibility follows the same rule: admin and all see all, team their teams, own theirs, no nothing")
  func visibility() throws {
    func shown(_ visibility: EmailVisibility) -> String {
      switch visibility {
      case .all: "all"
      case .own: "own"
      case .none: "none"
      case .team(let ids): "team \(ids)"
      }
    }
    for level in AccessLevel.allCases {
      #expect(shown(EmailAccess.visibility(isAdmin: true, level: level, teamIDs: { [9] })) == "all")
    }
    #expect(shown(EmailAccess.visibility(isAdmin: false, level: .all, teamIDs: { [9] })) == "all")
    #expect(shown(EmailAccess.visibility(isAdmin: false, level: .team, teamIDs: { [3, 9] })) == "team [3, 9]")
    #expect(shown(EmailAccess.visibility(isAdmin: false, level: .own, teamIDs: { [9] })) == "own")
    #expect(shown(EmailAccess.visibility(isAdmin: false, level: .no, teamIDs: { [9] })) == "none")
  }
}
