import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// Distribution on stored teams and cases: the state it loads, cases opened by imported mail,
/// and `case preview` (`DistributionState`, `CaseRouter`, `Session.previewCases`).
@Suite struct DistributionTests {
  /// A store with a group account opening cases in team Support (alice, bob, carol; dave inactive).
  private func desk(_ distribution: CaseDistribution?, position: String? = nil, assignTo: String? = nil) throws
    -> ScratchStore
  {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("root", admin: true)
      let team = try tx.seedTeam("Support")
      for (login, active, role) in [
        ("carol", true, "L2"), ("alice", true, "L1"), ("dave", false, "L1"), ("bob", true, "L1"),
      ] {
        try tx.addMember(teamID: team, userID: try tx.seedUser(login, active: active), position: role)
      }
      try tx.seedUser("erin")
      try tx.seedAccount(
        StoreSamples.account(
          "desk", teams: ["Support"],
          cases: CaseSettings(
            createCase: true, distribution: distribution, team: "Support", position: position, assignTo: assignTo)))
    }
    return scratch
  }

  /// Imports `count` new threads through the desk; returns who each case went to.
  private func assignees(_ scratch: ScratchStore, count: Int) throws -> [String?] {
    try (1...count).map { index in
      guard
        case .imported(_, .created(let number, _)) = try scratch.importMessage(
          SampleMessage.make(from: "customer\(index)@example.org", to: "desk@example.com", subject: "Problem \(index)"),
          account: "desk")
      else { throw TestSupportError("message \(index) opened no case") }
      return try scratch.read { try $0.caseRecord(number: number)?.assignedUser }
    }
  }

  @Test("the loaded state: active members of the position by login, open cases, the cursor's login")
  func loadedState() throws {
    let scratch = try desk(.roundRobin, position: "L1")
    try scratch.write { tx in
      let account = try #require(try tx.mailAccount(name: "desk"))
      let bob = try #require(try tx.userID(login: "bob"))
      try tx.setRoundRobinCursor(accountID: account.id, userID: bob)
      let number = try tx.insertCase(name: "old", account: nil, contact: nil, lead: nil, createdBy: nil)
      try tx.assignCase(number: number, userID: bob)
      let state = try DistributionState.load(account.cases, accountID: account.id, tx: tx)
      #expect(state.eligible.map(\.login) == ["alice", "bob"])
      #expect(state.cursorLogin == "bob")
      #expect(state.openCases == [bob: 1, try #require(try tx.userID(login: "alice")): 0])
      #expect(state.direct == nil)
    }
  }

  @Test("round-robin across imports: each case to the next active member by login, wrapping")
  func roundRobinAcrossImports() throws {
    let scratch = try desk(.roundRobin)
    #expect(try assignees(scratch, count: 4) == ["alice", "bob", "carol", "alice"])
    let cursor = try scratch.read { tx in
      try tx.roundRobinCursor(accountID: try #require(try tx.mailAccountID(name: "desk")))
    }
    #expect(try cursor == scratch.read { try $0.userID(login: "alice") })
  }

  @Test("round-robin with a position: only members of that position take turns")
  func roundRobinWithPosition() throws {
    let scratch = try desk(.roundRobin, position: "L1")
    #expect(try assignees(scratch, count: 3) == ["alice", "bob", "alice"])
  }

  @Test("least-busy counts stored open cases; Closed, Rejected and Duplicate ones do not count")
  func leastBusyCountsStoredCases() throws {
    let scratch = try desk(.leastBusy)
    try scratch.write { tx in
      let alice = try #require(try tx.userID(login: "alice"))
      let bob = try #require(try tx.userID(login: "bob"))
      let carol = try #require(try tx.userID(login: "carol"))
      let old: [(Int64, CaseStatus)] = [
        (alice, .assigned), (alice, .pending), (bob, .closed), (bob, .rejected), (bob, .duplicate), (carol, .new),
      ]
      for (user, status) in old {
        let number = try tx.insertCase(name: "old", account: nil, contact: nil, lead: nil, createdBy: nil)
        try tx.assignCase(number: number, userID: user)
        try tx.setCaseStatus(number: number, status)
      }
    }
    // Open cases: alice 2, carol 1, bob 0 (three done). Later turns would tie on assignment
    // times stored to the second, so one turn is asked.
    #expect(try assignees(scratch, count: 1) == ["bob"])
  }

  @Test("direct: every case to the named user; an inactive one leaves it New")
  func directAssignment() throws {
    #expect(try assignees(try desk(.direct, assignTo: "erin"), count: 2) == ["erin", "erin"])
    let inactive = try desk(.direct, assignTo: "dave")
    #expect(try assignees(inactive, count: 1) == [nil])
    #expect(try inactive.read { try $0.caseRecord(number: 1)?.status } == .new)
    let decisions = try inactive.read { try $0.decisions(emailID: 1) }
    #expect(
      decisions.contains {
        $0.step == "assignment" && $0.outcome == "unassigned" && $0.detail.contains("dave is inactive")
      })
  }

  @Test("an assignee gets the email, a stream note and a notification")
  func assigneeIsGivenTheCase() throws {
    let scratch = try desk(.direct, assignTo: "erin")
    _ = try assignees(scratch, count: 1)
    try scratch.read { tx in
      let erin = try #require(try tx.userID(login: "erin"))
      #expect(try tx.emailUserIDs(emailID: 1).contains(erin))
      #expect(try tx.notifications(userID: erin, unreadOnly: true).map(\.kind) == ["assigned"])
      #expect(try tx.notes(RecordReference(.case, 1)).map(\.kind).contains("assign"))
    }
  }

  @Test("case preview predicts what imports then do, and changes nothing")
  func previewMatchesImports() throws {
    for distribution in [CaseDistribution.roundRobin, .leastBusy] {
      let scratch = try desk(distribution)
      let predicted = try scratch.session("root").previewCases(account: "desk", count: 5).map(\.user)
      #expect(
        try scratch.read { tx in try tx.roundRobinCursor(accountID: try #require(try tx.mailAccountID(name: "desk"))) }
          == nil)
      #expect(try assignees(scratch, count: 5) == predicted, "\(distribution)")
    }
  }

  @Test("case preview is for admins, for accounts that open cases, for 1 to 1000 turns")
  func previewRules() throws {
    let scratch = try desk(.roundRobin)
    try scratch.write { tx in try tx.seedAccount(StoreSamples.account("plain")) }
    #expect(throws: EspoMailError.self) { try scratch.session("alice").previewCases(account: "desk", count: 1) }
    #expect(throws: EspoMailError.self) { try scratch.session("root").previewCases(account: "plain", count: 1) }
    #expect(throws: EspoMailError.self) { try scratch.session("root").previewCases(account: "desk", count: 0) }
    #expect(throws: EspoMailError.self) { try scratch.session("root").previewCases(account: "desk", count: 1001) }
  }

  @Test("least-busy breaks a tie by login without regard to case, as the member list is ordered")
  func leastBusyTieIgnoresCase() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("root", admin: true)
      try tx.seedTeam("Support", members: [try tx.seedUser("Zed"), try tx.seedUser("amy")])
      try tx.seedAccount(
        StoreSamples.account(
          "desk",
          cases: CaseSettings(createCase: true, distribution: .leastBusy, team: "Support", position: nil, assignTo: nil)))
    }
    #expect(try scratch.session("root").previewCases(account: "desk", count: 2).map(\.user) == ["amy", "Zed"])
    #expect(try assignees(scratch, count: 2) == ["amy", "Zed"])
  }

  @Test("least-busy preview past nine turns matches the imports (turn stamps sort as text)")
  func previewPastNineTurns() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("root", admin: true)
      let members = try (1...11).map { try tx.seedUser(String(format: "u%02d", $0)) }
      try tx.seedTeam("Support", members: members)
      try tx.seedAccount(
        StoreSamples.account(
          "desk",
          cases: CaseSettings(createCase: true, distribution: .leastBusy, team: "Support", position: nil, assignTo: nil)
        ))
    }
    let predicted = try scratch.session("root").previewCases(account: "desk", count: 13).map(\.user)
    let actual = try assignees(scratch, count: 13)
    // Eleven first cases, one each; then the least recently assigned (u01, u02) even when the
    // times tie to the second, since the login breaks the tie.
    #expect(Array(actual.suffix(2)) == ["u01", "u02"])
    #expect(predicted == actual)
  }
}
