import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Roles and the permissions they store (`Transaction+Roles`).
@Suite struct RolesStoreTests {
  /// Permissions touching every kind of entry: levels, create yes/no, and the account permissions.
  private let agent = RolePermissions(
    levels: [
      .email: [.read: .team, .edit: .own, .delete: .no], .case: [.create: .all, .read: .all],
      .contact: [.create: .no, .read: .own],
    ],
    personalEmailAccounts: true, groupEmailAccount: .team)

  @Test("a new role grants nothing; its permissions come back exactly as set")
  func permissionsRoundTrip() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.insertRole(name: "Agent")
      #expect(try tx.permissions(roleID: id) == .none)
      try tx.setPermissions(roleID: id, agent)
      let stored = try tx.permissions(roleID: id)
      for scope in Scope.allCases {
        for action in ScopeAction.allCases { #expect(stored.level(scope, action) == agent.level(scope, action)) }
      }
      #expect(stored.mayCreate(.case))
      #expect(!stored.mayCreate(.contact))
      #expect(stored.personalEmailAccounts)
      #expect(stored.groupEmailAccount == .team)
      #expect(try tx.role(name: "agent") == Role(id: id, name: "Agent", permissions: stored))
    }
  }

  @Test("setting permissions replaces what the role had")
  func setPermissionsReplaces() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.seedRole("Agent", agent)
      try tx.setPermissions(
        roleID: id,
        RolePermissions(levels: [.lead: [.read: .all]], personalEmailAccounts: false, groupEmailAccount: .no))
      let stored = try tx.permissions(roleID: id)
      #expect(stored.level(.email, .read) == .no)
      #expect(stored.level(.lead, .read) == .all)
      #expect(!stored.personalEmailAccounts)
      #expect(stored.groupEmailAccount == .no)
    }
  }

  @Test("role names are unique without case; roles list by name")
  func roleNames() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let agent = try tx.insertRole(name: "Agent")
      _ = try tx.insertRole(name: "Admin-ish")
      #expect(try tx.roleID(name: "AGENT") == agent)
      #expect(throws: EspoMailError.self) { try tx.insertRole(name: "agent") }
      #expect(try tx.roles().map(\.name) == ["Admin-ish", "Agent"])
      #expect(try tx.role(name: "nobody") == nil)
    }
  }
}
