import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

@testable import EspoMailKit

/// The email rule applied to stored users, roles, teams and emails (`EmailAccessCheck`).
@Suite struct EmailAccessCheckTests {
  /// A store with one email given to alice and shared with team Support.
  private struct World {
    let scratch: ScratchStore
    let email: Int64
    let ids: [String: Int64]
  }

  private func world() throws -> World {
    let scratch = try ScratchStore()
    return try scratch.write { tx in
      let alice = try tx.seedUser("alice")  // has the email, email.read=own
      let bob = try tx.seedUser("bob")  // in Support, email.read=team
      let carol = try tx.seedUser("carol")  // in Sales, email.read=team
      let dave = try tx.seedUser("dave")  // has the email, no role
      let root = try tx.seedUser("root", admin: true)  // admin, no role
      let support = try tx.seedTeam("Support", members: [bob])
      try tx.seedTeam("Sales", members: [carol])
      try tx.seedRole("Own", AccessSamples.permissions([.email: [.read: .own, .delete: .no]]), users: [alice])
      try tx.seedRole(
        "Team", AccessSamples.permissions([.email: [.read: .team, .delete: .team]]), users: [bob, carol])
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.addEmailUsers(emailID: email, userIDs: [alice, dave])
      try tx.addEmailTeams(emailID: email, teamIDs: [support])
      return World(
        scratch: scratch, email: email, ids: ["alice": alice, "bob": bob, "carol": carol, "dave": dave, "root": root])
    }
  }

  @Test("stored relations decide: has the email, shares its team, neither, no role, admin")
  func storedRelations() throws {
    let world = try world()
    let decisions = try world.scratch.read { tx in
      let check = EmailAccessCheck(tx: tx)
      return try world.ids.mapValues { try check.decide(userID: $0, emailID: world.email) }
    }
    #expect(decisions["alice"] == AccessDecision(allowed: true, reason: "email.read=own and has the email"))
    #expect(decisions["bob"] == AccessDecision(allowed: true, reason: "email.read=team and shares a team"))
    #expect(decisions["carol"] == AccessDecision(allowed: false, reason: "email.read=team and shares no team with it"))
    #expect(decisions["dave"] == AccessDecision(allowed: false, reason: "email.read=no"))
    #expect(decisions["root"] == AccessDecision(allowed: true, reason: "admin"))
  }

  @Test("the action's own level applies: read allowed does not mean delete allowed")
  func actionLevels() throws {
    let world = try world()
    func allowed(_ login: String, _ action: ScopeAction) throws -> Bool {
      try world.scratch.read { tx in
        try EmailAccessCheck(tx: tx).decide(userID: world.ids[login] ?? 0, emailID: world.email, action).allowed
      }
    }
    #expect(try !allowed("alice", .delete))
    #expect(try allowed("bob", .delete))
    #expect(try !allowed("bob", .edit))  // no edit level
  }

  @Test("an unknown user is refused")
  func unknownUser() throws {
    let world = try world()
    let decision = try world.scratch.read { tx in try EmailAccessCheck(tx: tx).decide(userID: 999, emailID: world.email)
    }
    #expect(decision == AccessDecision(allowed: false, reason: "unknown user 999"))
  }

  @Test("through a session: reading, listing and deleting follow the same decisions")
  func sessionUsesTheRule() throws {
    let world = try world()
    let carol = try world.scratch.session("carol")
    #expect(throws: EspoMailError.self) { try carol.showEmail(world.email) }
    #expect(
      try carol.listEmails(EmailFilterRequest(folder: nil, account: nil, parent: nil, search: nil, limit: 10)).isEmpty)
    let bob = try world.scratch.session("bob")
    #expect(try bob.showEmail(world.email).summary.id == world.email)
    #expect(
      try bob.listEmails(EmailFilterRequest(folder: nil, account: nil, parent: nil, search: nil, limit: 10)).map(\.id)
        == [world.email])
    let alice = try world.scratch.session("alice")
    do {
      _ = try alice.deleteEmail(world.email)
      Issue.record("alice deleted with email.delete=no")
    } catch let error as EspoMailError {
      #expect(error.status == .permissionDenied)
    }
    #expect(try bob.deleteEmail(world.email).id == world.email)
  }
}
