import EspoMailCore
import Testing

@testable import EspoMailKit

/// Which cases a role level covers (`CaseAccess`), for every level and relation.
@Suite struct CaseAccessTests {
  /// How a user relates to a case.
  enum Relation: String, CaseIterable, Sendable {
    /// The case is assigned to the user.
    case assigned
    /// The user created it.
    case created
    /// It belongs to one of the user's teams.
    case team
    /// None of these.
    case stranger
  }

  private let user = AccessSamples.user("alice", teams: ["Support", "Billing"])

  private func found(_ relation: Relation) -> CaseRecord {
    switch relation {
    case .assigned: AccessSamples.caseRecord(assignedTo: "alice", createdBy: "bob", teams: ["Sales"])
    case .created: AccessSamples.caseRecord(assignedTo: "bob", createdBy: "alice", teams: ["Sales"])
    case .team: AccessSamples.caseRecord(assignedTo: "bob", createdBy: nil, teams: ["Sales", "Billing"])
    case .stranger: AccessSamples.caseRecord(assignedTo: "bob", createdBy: "carol", teams: ["Sales"])
    }
  }

  @Test("every level × relation", arguments: AccessLevel.allCases, Relation.allCases)
  func everyLevelAndRelation(_ level: AccessLevel, _ relation: Relation) {
    let expected: Bool =
      switch level {
      case .all: true
      case .no: false
      case .own: relation == .assigned || relation == .created
      case .team: relation != .stranger
      }
    #expect(CaseAccess.covers(found(relation), level: level, user: user) == expected)
  }

  @Test("an unassigned case made by mail, in no team, is covered only by all")
  func mailCaseWithoutAnyone() {
    let orphan = AccessSamples.caseRecord()
    #expect(AccessLevel.allCases.filter { CaseAccess.covers(orphan, level: $0, user: user) } == [.all])
  }

  @Test("logins and team names compare exactly")
  func exactNames() {
    #expect(!CaseAccess.covers(AccessSamples.caseRecord(assignedTo: "Alice"), level: .own, user: user))
    #expect(!CaseAccess.covers(AccessSamples.caseRecord(teams: ["support"]), level: .team, user: user))
  }
}
