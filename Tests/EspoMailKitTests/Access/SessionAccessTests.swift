import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// Who a session acts as and how it applies the case and record rules to stored data (`Session`).
@Suite struct SessionAccessTests {
  @Test("a session is for a stored, active login, matched exactly; only admins act as another active user")
  func actingUser() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("root", admin: true)
      try tx.seedUser("alice")
      try tx.seedUser("old", active: false)
      try tx.seedRole("Reader", AccessSamples.permissions([.case: [.read: .all]]), users: [try tx.seedUser("bob")])
    }
    #expect(failureStatus { _ = try scratch.session("nobody") } == .permissionDenied)
    #expect(failureStatus { _ = try scratch.session("ALICE") } == .permissionDenied)
    #expect(failureStatus { _ = try scratch.session("old") } == .permissionDenied)
    #expect(
      failureStatus { _ = try Session(store: scratch.store, operatingSystemLogin: "alice", actingAs: "bob") }
        == .permissionDenied)
    #expect(
      failureStatus { _ = try Session(store: scratch.store, operatingSystemLogin: "root", actingAs: "old") }
        == .permissionDenied)
    #expect(
      failureStatus { _ = try Session(store: scratch.store, operatingSystemLogin: "root", actingAs: "ghost") }
        == .notFound)
    let asBob = try Session(store: scratch.store, operatingSystemLogin: "root", actingAs: "bob")
    #expect((asBob.user.login, asBob.operatingSystemLogin) == ("bob", "root"))
    #expect(asBob.level(.case, .read) == .all)
    #expect(asBob.level(.case, .edit) == .no)
  }

  @Test("admins have level all everywhere without any role; others what their roles grant")
  func adminLevels() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedUser("root", admin: true)
      try tx.seedUser("alice")
    }
    let root = try scratch.session("root")
    let alice = try scratch.session("alice")
    for scope in Scope.allCases {
      for action in ScopeAction.allCases {
        #expect(root.level(scope, action) == .all)
        #expect(alice.level(scope, action) == .no)
      }
    }
    #expect(failureStatus { try root.requireCreate(.lead) } == nil)
    #expect(failureStatus { try alice.requireCreate(.lead) } == .permissionDenied)
    #expect(failureStatus { try alice.requireAdmin("x") } == .permissionDenied)
  }

  @Test("cases: listing shows only covered cases; showing and editing check their own levels")
  func caseLevelsThroughTheSession() throws {
    let scratch = try ScratchStore()
    let (mine, teams, others) = try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let support = try tx.seedTeam("Support", members: [alice])
      let sales = try tx.seedTeam("Sales", members: [bob])
      try tx.seedRole("Agent", AccessSamples.permissions([.case: [.read: .team, .edit: .own]]), users: [alice])
      let mine = try tx.insertCase(name: "mine", account: nil, contact: nil, lead: nil, createdBy: nil)
      try tx.assignCase(number: mine, userID: alice)
      let teams = try tx.insertCase(name: "team's", account: nil, contact: nil, lead: nil, createdBy: bob)
      try tx.addCaseTeam(number: teams, teamID: support)
      let others = try tx.insertCase(name: "others'", account: nil, contact: nil, lead: nil, createdBy: bob)
      try tx.addCaseTeam(number: others, teamID: sales)
      return (mine, teams, others)
    }
    let alice = try scratch.session("alice")
    #expect(try alice.listCases(CaseFilter()).map(\.number) == [teams, mine])
    #expect(try alice.showCase(teams).number == teams)
    #expect(failureStatus { _ = try alice.showCase(others) } == .permissionDenied)
    #expect(try alice.setCaseStatus(mine, .pending).status == .pending)
    #expect(failureStatus { _ = try alice.setCaseStatus(teams, .closed) } == .permissionDenied)
  }

  @Test("records at level team: the user's own, followed, and those teammates created")
  func recordTeammates() throws {
    let scratch = try ScratchStore()
    let (own, followed, teammates, stranger) = try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let carol = try tx.seedUser("carol")
      try tx.seedTeam("Support", members: [alice, bob])
      try tx.seedTeam("Sales", members: [carol])
      try tx.seedRole("Agent", AccessSamples.permissions([.contact: [.read: .team]]), users: [alice])
      let own = try tx.seedRecord(.contact, "own", createdBy: alice)
      let followed = try tx.seedRecord(.contact, "followed", createdBy: carol)
      try tx.follow(userID: alice, followed)
      let teammates = try tx.seedRecord(.contact, "teammate's", createdBy: bob)
      let stranger = try tx.seedRecord(.contact, "stranger's", createdBy: carol)
      return (own, followed, teammates, stranger)
    }
    let alice = try scratch.session("alice")
    #expect(try alice.listRecords(.contact).map(\.reference) == [own, followed, teammates])
    #expect(failureStatus { _ = try alice.showRecord(stranger) } == .permissionDenied)
    #expect(try alice.listRecords(.account).isEmpty)  // account.read=no
  }
}
