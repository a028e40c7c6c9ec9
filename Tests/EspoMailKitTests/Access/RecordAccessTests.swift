import EspoMailCore
import Testing

@testable import EspoMailKit

/// Which CRM records a role level covers (`RecordAccess`), for every level and relation.
@Suite struct RecordAccessTests {
  /// How a user relates to a record.
  enum Relation: String, CaseIterable, Sendable {
    /// The user created it.
    case created
    /// The user follows it.
    case follows
    /// A teammate created it.
    case teammateCreated
    /// Someone outside the user's teams created it.
    case strangerCreated
    /// Nobody is recorded as its creator.
    case noCreator
  }

  private let user = AccessSamples.user("alice", id: 1)
  private let teammates: Set<Int64> = [1, 2]

  private func record(_ relation: Relation) -> CRMRecord {
    switch relation {
    case .created: AccessSamples.crmRecord(createdBy: 1)
    case .follows: AccessSamples.crmRecord(createdBy: 3, followers: ["bob", "alice"])
    case .teammateCreated: AccessSamples.crmRecord(createdBy: 2)
    case .strangerCreated: AccessSamples.crmRecord(createdBy: 3, followers: ["bob"])
    case .noCreator: AccessSamples.crmRecord(createdBy: nil)
    }
  }

  @Test("every level × relation", arguments: AccessLevel.allCases, Relation.allCases)
  func everyLevelAndRelation(_ level: AccessLevel, _ relation: Relation) {
    let expected: Bool =
      switch level {
      case .all: true
      case .no: false
      case .own: relation == .created || relation == .follows
      case .team: relation == .created || relation == .follows || relation == .teammateCreated
      }
    #expect(RecordAccess.covers(record(relation), level: level, user: user, teammates: teammates) == expected)
  }

  @Test("followers are matched by exact login")
  func followerLoginIsExact() {
    #expect(
      !RecordAccess.covers(
        AccessSamples.crmRecord(createdBy: 3, followers: ["ALICE"]), level: .own, user: user, teammates: teammates))
  }
}
