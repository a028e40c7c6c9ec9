import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Users, their flags and their roles (`Transaction+Users`).
@Suite struct UsersStoreTests {
  @Test("logins are unique without case; lookups ignore case and keep the login as written")
  func loginsAreUniqueWithoutCase() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.insertUser(login: "Alice", name: "Alice A", isAdmin: false, isActive: true)
      #expect(try tx.userID(login: "alice") == id)
      #expect(try tx.user(login: "ALICE")?.login == "Alice")
      do {
        _ = try tx.insertUser(login: "aLiCe", name: "again", isAdmin: false, isActive: true)
        Issue.record("a second user took the login")
      } catch let error as EspoMailError {
        #expect(error.status == .dataError)
      }
      #expect(try tx.userCount() == 1)
      #expect(try tx.userID(login: "bob") == nil)
      #expect(try tx.user(id: id + 1) == nil)
    }
  }

  @Test("a user comes back with its flags, addresses, teams and roles, each sorted")
  func userValue() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedUser("alice", admin: true, addresses: ["alice@example.com", "a@example.com"])
      try tx.seedTeam("Support", members: [id])
      try tx.seedTeam("Billing", members: [id])
      try tx.seedRole("Zeta", .none, users: [id])
      try tx.seedRole("Alpha", .none, users: [id])
      let user = try #require(try tx.user(id: id))
      #expect(
        user
          == User(
            id: id, login: "alice", name: "Alice", isAdmin: true, isActive: true,
            addresses: ["alice@example.com", "a@example.com"], teams: ["Billing", "Support"], roles: ["Alpha", "Zeta"]))
      #expect(try tx.user(login: "alice") == user)
    }
  }

  @Test("every user, by login")
  func usersByLogin() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      for login in ["carol", "alice", "bob"] { try tx.seedUser(login) }
      #expect(try tx.users().map(\.login) == ["alice", "bob", "carol"])
      #expect(try tx.userCount() == 3)
    }
  }

  @Test("updateUser changes only what it is given")
  func updateUserChangesOnlyWhatIsGiven() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedUser("alice")
      try tx.updateUser(id: id, name: "Alice Liddell", isActive: nil, isAdmin: nil)
      var user = try #require(try tx.user(id: id))
      #expect((user.name, user.isActive, user.isAdmin) == ("Alice Liddell", true, false))
      try tx.updateUser(id: id, name: nil, isActive: false, isAdmin: true)
      user = try #require(try tx.user(id: id))
      #expect((user.name, user.isActive, user.isAdmin) == ("Alice Liddell", false, true))
    }
  }

  @Test("active admins are counted; inactive admins and users are not")
  func activeAdminCount() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      #expect(try tx.activeAdminCount() == 0)
      try tx.seedUser("root", admin: true)
      try tx.seedUser("old", admin: true, active: false)
      try tx.seedUser("alice")
      #expect(try tx.activeAdminCount() == 1)
    }
  }

  @Test("a role is granted once and revoked once")
  func grantAndRevokeRoles() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let user = try tx.seedUser("alice")
      let role = try tx.seedRole("Agent", .none)
      try tx.grantRole(userID: user, roleID: role)
      #expect(throws: EspoMailError.self) { try tx.grantRole(userID: user, roleID: role) }
      #expect(try tx.user(id: user)?.roles == ["Agent"])
      try tx.revokeRole(userID: user, roleID: role)
      do {
        try tx.revokeRole(userID: user, roleID: role)
        Issue.record("revoked a role the user does not have")
      } catch let error as EspoMailError {
        #expect(error.status == .notFound)
      }
      #expect(try tx.user(id: user)?.roles == [])
    }
  }

  @Test("a user's permissions are the most generous merge of their roles; none without roles")
  func permissionsMergeRoles() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let user = try tx.seedUser("alice")
      #expect(try tx.permissions(userID: user) == .none)
      try tx.seedRole(
        "Reader",
        RolePermissions(
          levels: [.email: [.read: .all, .edit: .own]], personalEmailAccounts: false, groupEmailAccount: .team),
        users: [user])
      try tx.seedRole(
        "Editor",
        RolePermissions(
          levels: [.email: [.read: .own, .edit: .team]], personalEmailAccounts: true, groupEmailAccount: .no),
        users: [user])
      let merged = try tx.permissions(userID: user)
      #expect(merged.level(.email, .read) == .all)
      #expect(merged.level(.email, .edit) == .team)
      #expect(merged.level(.case, .read) == .no)
      #expect(merged.personalEmailAccounts)
      #expect(merged.groupEmailAccount == .team)
    }
  }
}
