import EspoMailCore
import EspoMailStore
import Testing

@testable import EspoMailKit

/// Who gets a new case: direct, round-robin and least-busy choices on a given state (`CaseDistributor`).
@Suite struct CaseDistributorTests {
  private let alice = EligibleMember(id: 1, login: "alice")
  private let bob = EligibleMember(id: 2, login: "bob")
  private let carol = EligibleMember(id: 3, login: "carol")

  private func state(
    _ eligible: [EligibleMember], cursor: String? = nil, open: [Int64: Int] = [:], last: [Int64: String] = [:],
    direct: (EligibleMember, Bool)? = nil
  ) -> DistributionState {
    DistributionState(eligible: eligible, cursorLogin: cursor, openCases: open, lastAssigned: last, direct: direct)
  }

  /// The logins given the next `count` cases, each choice applied before the next.
  private func turns(_ distribution: CaseDistribution, _ start: DistributionState, count: Int) -> [String?] {
    var state = start
    return (1...count).map { turn in
      let (chosen, _) = CaseDistributor.choose(distribution, state)
      if let chosen { CaseDistributor.apply(chosen, at: "2026-11-16T10:00:0\(turn)Z", to: &state) }
      return chosen?.login
    }
  }

  @Test("no rule: nobody, the case stays New")
  func noRule() {
    let (chosen, reason) = CaseDistributor.choose(nil, state([alice]))
    #expect(chosen == nil)
    #expect(reason.contains("stays New"))
  }

  @Test("direct: the named user when active; nobody when inactive or unnamed; the team does not matter")
  func direct() {
    #expect(CaseDistributor.choose(.direct, state([], direct: (carol, true))).0 == carol)
    #expect(CaseDistributor.choose(.direct, state([alice, bob], direct: (carol, true))).0 == carol)
    let (inactive, reason) = CaseDistributor.choose(.direct, state([alice], direct: (carol, false)))
    #expect(inactive == nil)
    #expect(reason == "direct assignee carol is inactive")
    #expect(CaseDistributor.choose(.direct, state([alice])).0 == nil)
  }

  @Test("round-robin: the first turn goes to the first login; turns advance and wrap")
  func roundRobinAdvancesAndWraps() {
    #expect(
      turns(.roundRobin, state([alice, bob, carol]), count: 7) == [
        "alice", "bob", "carol", "alice", "bob", "carol", "alice",
      ])
    #expect(turns(.roundRobin, state([alice, bob, carol], cursor: "bob"), count: 3) == ["carol", "alice", "bob"])
    #expect(turns(.roundRobin, state([alice]), count: 3) == ["alice", "alice", "alice"])
  }

  @Test("round-robin: a cursor on someone no longer eligible passes to the next login after it, without case")
  func roundRobinCursorNotEligible() {
    #expect(CaseDistributor.choose(.roundRobin, state([alice, carol], cursor: "bob")).0 == carol)
    #expect(CaseDistributor.choose(.roundRobin, state([alice, bob], cursor: "zed")).0 == alice)
    #expect(CaseDistributor.choose(.roundRobin, state([alice, bob, carol], cursor: "ALICE")).0 == bob)
    let (_, reason) = CaseDistributor.choose(.roundRobin, state([alice, bob], cursor: "zed"))
    #expect(reason == "round-robin: after zed the turn wraps to alice")
  }

  @Test("round-robin and least-busy with nobody eligible: nobody")
  func nobodyEligible() {
    #expect(CaseDistributor.choose(.roundRobin, state([], cursor: "alice")).0 == nil)
    #expect(CaseDistributor.choose(.leastBusy, state([])).0 == nil)
  }

  @Test("least-busy: the fewest open cases wins, whatever the order of logins")
  func leastBusyFewestOpen() {
    let (chosen, reason) = CaseDistributor.choose(.leastBusy, state([alice, bob, carol], open: [1: 3, 2: 1, 3: 2]))
    #expect(chosen == bob)
    #expect(reason == "least-busy: bob has the fewest open cases (bob 1, carol 2, alice 3)")
    #expect(CaseDistributor.choose(.leastBusy, state([alice, bob, carol], open: [1: 3, 2: 4])).0 == carol)  // absent: 0
  }

  @Test("least-busy ties: whoever got a case least recently (never first), then by login")
  func leastBusyTies() {
    let tied: [Int64: Int] = [1: 1, 2: 1, 3: 1]
    #expect(
      CaseDistributor.choose(
        .leastBusy,
        state(
          [alice, bob, carol], open: tied,
          last: [1: "2026-11-16T10:00:02Z", 2: "2026-11-16T10:00:01Z", 3: "2026-11-16T10:00:03Z"])
      ).0 == bob)
    #expect(
      CaseDistributor.choose(
        .leastBusy,
        state([alice, bob, carol], open: tied, last: [1: "2026-11-16T10:00:02Z", 2: "2026-11-16T10:00:01Z"])
      ).0 == carol)
    #expect(CaseDistributor.choose(.leastBusy, state([carol, bob, alice], open: tied)).0 == alice)
  }

  @Test("least-busy over several turns spreads cases evenly, in login order among equals")
  func leastBusyBalances() {
    #expect(
      turns(.leastBusy, state([alice, bob, carol], open: [1: 2]), count: 6) == [
        "bob", "carol", "bob", "carol", "alice", "bob",
      ])
  }

  @Test("applying a choice moves the cursor, counts the case and stamps the time")
  func applyRecordsTheChoice() {
    var state = state([alice, bob], cursor: "alice", open: [2: 4])
    CaseDistributor.apply(bob, at: "T", to: &state)
    #expect(state.cursorLogin == "bob")
    #expect(state.openCases == [2: 5])
    #expect(state.lastAssigned == [2: "T"])
  }
}
