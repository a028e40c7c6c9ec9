import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Teams and their members (`Transaction+Teams`).
@Suite struct TeamsStoreTests {
  @Test("team names are unique without case")
  func teamNamesAreUniqueWithoutCase() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.insertTeam(name: "Support")
      #expect(try tx.teamID(name: "SUPPORT") == id)
      do {
        _ = try tx.insertTeam(name: "support")
        Issue.record("a second team took the name")
      } catch let error as EspoMailError {
        #expect(error.status == .dataError)
      }
      #expect(try tx.teamID(name: "Sales") == nil)
      #expect(try tx.team(name: "Sales") == nil)
    }
  }

  @Test("adding a member twice changes their position instead; members list by login with activity")
  func addMemberTwiceChangesThePosition() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let team = try tx.seedTeam("Support")
      let bob = try tx.seedUser("bob", active: false)
      let alice = try tx.seedUser("alice")
      #expect(try tx.addMember(teamID: team, userID: bob, position: nil))
      #expect(try tx.addMember(teamID: team, userID: alice, position: "L1"))
      #expect(try !tx.addMember(teamID: team, userID: alice, position: "L2"))
      #expect(
        try tx.team(name: "support")
          == Team(
            id: team, name: "Support",
            members: [
              TeamMember(login: "alice", position: "L2", isActive: true),
              TeamMember(login: "bob", position: nil, isActive: false),
            ]))
    }
  }

  @Test("removing a member who is not one is not-found")
  func removeMember() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let team = try tx.seedTeam("Support", members: [alice])
      try tx.removeMember(teamID: team, userID: alice)
      #expect(try tx.team(name: "Support")?.members == [])
      do {
        try tx.removeMember(teamID: team, userID: alice)
        Issue.record("removed a non-member")
      } catch let error as EspoMailError {
        #expect(error.status == .notFound)
      }
    }
  }

  @Test("every team by name, and the teams of one user")
  func teamsAndTeamIDs() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let support = try tx.seedTeam("Support", members: [alice, bob])
      let billing = try tx.seedTeam("Billing", members: [alice])
      #expect(try tx.teams().map(\.name) == ["Billing", "Support"])
      #expect(try Set(tx.teamIDs(userID: alice)) == [support, billing])
      #expect(try tx.teamIDs(userID: bob) == [support])
    }
  }
}
