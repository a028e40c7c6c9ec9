import EspoMailTestSupport
import Foundation
import Testing

@Suite struct PeopleCommandTests {
  @Test func initMakesTheCallerTheFirstAdmin() throws {
    let store = try TestStore(admin: "carol")
    let users = try store.json(["user", "list"]).array()
    #expect(users.count == 1)
    #expect(users[0]["login"] as? String == "carol")
    #expect(users[0]["isAdmin"] as? Bool == true)
  }

  @Test func anUnknownLoginIsToldHowToGetIn() throws {
    let store = try TestStore()
    let result = store.run(["user", "list"], as: "mallory")
    #expect(result.status == 77)
    #expect(result.stderr.contains("'mallory' is not a user of this store"))
    #expect(result.stderr.contains("espomail user add mallory"))
    #expect(result.stdout.isEmpty)
  }

  @Test func userAddWithAddressesAndTeams() throws {
    let store = try TestStore()
    try store.json(["team", "add", "Support"])
    let alice = try store.json([
      "user", "add", "alice", "--name", "Alice Smith", "--email", "Alice@Example.com", "--email",
      "a.smith@example.com", "--team", "Support",
    ]).object()
    #expect(alice["addresses"] as? [String] == ["Alice@Example.com", "a.smith@example.com"])
    #expect(alice["teams"] as? [String] == ["Support"])
    #expect(alice["isAdmin"] as? Bool == false)
    #expect(alice["isActive"] as? Bool == true)
    #expect(Set(alice.keys) == ["id", "login", "name", "isAdmin", "isActive", "addresses", "teams", "roles", "databaseRole", "defaultTeam"])
    #expect(alice["databaseRole"] is NSNull, "no database role unless asked")
  }

  @Test func badUserInputGetsDistinctExitCodes() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    #expect(store.run(["user", "add", "ALICE"]).status == 65)  // duplicate login
    #expect(store.run(["user", "add", "bob", "--email", "Alice@example.com"]).status == 65)  // duplicate address
    #expect(store.run(["user", "add", "bob", "--email", "not-an-address"]).status == 65)
    #expect(store.run(["user", "add", "-bob"]).status == 64)  // looks like a flag
    #expect(store.run(["user", "add", "bad login"]).status == 65)
    #expect(store.run(["user", "add", "bob", "--team", "Nowhere"]).status == 66)
    #expect(store.run(["user", "show", "nobody"]).status == 66)
    #expect(store.run(["user", "set", "alice"]).status == 64)  // nothing to change
    #expect(store.run(["user", "list"]).status == 0)
    // Nothing half-written: bob was never added.
    #expect(try store.json(["user", "list"]).array().map { $0["login"] as? String } == ["alice", "root"])
  }

  @Test func onlyAdminsManagePeople() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    for arguments in [
      ["user", "add", "eve"], ["user", "email", "add", "alice", "other@example.com"],
      ["user", "email", "remove", "alice", "alice@example.com"], ["user", "set", "alice", "--admin"],
      ["team", "add", "Sales"], ["role", "create", "Boss"], ["role", "list"],
    ] {
      let result = store.run(arguments, as: "alice")
      #expect(result.status == 77, "\(arguments) exited \(result.status)")
      #expect(result.stderr.contains("permission denied"), "\(arguments): \(result.stderr)")
    }
  }

  @Test func asIsForAdminsOnly() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice"])
    try store.json(["user", "add", "bob"])
    let asAlice = try store.json(["--as", "alice", "user", "show", "alice"]).object()
    #expect(asAlice["login"] as? String == "alice")
    let denied = store.run(["--as", "bob", "user", "list"], as: "alice")
    #expect(denied.status == 77)
    #expect(denied.stderr.contains("only admins may act as another user"))
    #expect(store.run(["--as", "ghost", "user", "list"]).status == 66)
    // An admin acting as a non-admin loses admin rights.
    #expect(store.run(["--as", "alice", "team", "add", "X"]).status == 77)
  }

  @Test func inactiveUsersCanDoNothing() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice"])
    try store.json(["user", "set", "alice", "--inactive"])
    let result = store.run(["user", "show", "alice"], as: "alice")
    #expect(result.status == 77)
    #expect(result.stderr.contains("inactive"))
    #expect(store.run(["--as", "alice", "user", "list"]).status == 77)
    let shown = try store.json(["user", "show", "alice"]).object()
    #expect(shown["isActive"] as? Bool == false)
  }

  @Test func theLastAdminStays() throws {
    let store = try TestStore()
    let result = store.run(["user", "set", "root", "--no-admin"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("last active admin"))
    try store.json(["user", "add", "alice", "--admin"])
    #expect(try store.json(["user", "set", "root", "--no-admin"]).object()["isAdmin"] as? Bool == false)
  }

  @Test func userEmailAddAndRemove() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    let added = try store.json(["user", "email", "add", "alice", "desk@example.com", "--primary"]).object()
    #expect(added["addresses"] as? [String] == ["desk@example.com", "alice@example.com"])
    #expect(store.run(["user", "email", "add", "alice", "DESK@example.com"]).status == 65)
    let removed = try store.json(["user", "email", "remove", "alice", "desk@example.com"]).object()
    #expect(removed["addresses"] as? [String] == ["alice@example.com"])
    #expect(store.run(["user", "email", "remove", "alice", "desk@example.com"]).status == 66)
  }

  @Test func teamsAndMembersWithPositions() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice"])
    try store.json(["team", "add", "Support"])
    #expect(store.run(["team", "add", "support"]).status == 65)
    try store.json(["team", "member", "add", "Support", "alice", "--position", "Level 1"])
    var team = try store.json(["team", "show", "support"]).object()
    var members = try #require(team["members"] as? [[String: Any]])
    #expect(members.first?["position"] as? String == "Level 1")
    try store.json(["team", "member", "add", "Support", "alice", "--position", "Level 2"])
    team = try store.json(["team", "show", "Support"]).object()
    members = try #require(team["members"] as? [[String: Any]])
    #expect(members.count == 1)
    #expect(members.first?["position"] as? String == "Level 2")
    #expect(store.run(["team", "member", "add", "Nope", "alice"]).status == 66)
    #expect(store.run(["team", "member", "add", "Support", "ghost"]).status == 66)
    try store.json(["team", "member", "remove", "Support", "alice"])
    #expect(store.run(["team", "member", "remove", "Support", "alice"]).status == 66)
    #expect(try store.json(["team", "list"]).array().count == 1)
  }

  @Test func rolesStoreLevelsAndPermissions() throws {
    let store = try TestStore()
    try store.json(["role", "create", "Agent"])
    #expect(store.run(["role", "create", "agent"]).status == 65)
    let role = try store.json([
      "role", "set", "Agent", "email.read=own", "email.delete=no", "case.read=team", "case.create=yes",
      "personal-email-accounts=yes", "group-email-account=team",
    ]).object()
    let permissions = try #require(role["permissions"] as? [String: String])
    #expect(permissions["email.read"] == "own")
    #expect(permissions["case.read"] == "team")
    #expect(permissions["case.create"] == "yes")
    #expect(permissions["lead.read"] == "no")
    #expect(permissions["personal-email-accounts"] == "yes")
    #expect(permissions["group-email-account"] == "team")
    // A bad setting among good ones changes nothing.
    let bad = store.run(["role", "set", "Agent", "email.read=all", "email.read=most"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("no|own|team|all"))
    let shown = try store.json(["role", "show", "Agent"]).object()
    #expect((shown["permissions"] as? [String: String])?["email.read"] == "own")
    #expect(store.run(["role", "set", "Ghost", "email.read=all"]).status == 66)
  }

  @Test func userRoleAddAndRemove() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice"])
    try store.json(["role", "create", "Agent"])
    #expect(try store.json(["user", "role", "add", "alice", "Agent"]).object()["roles"] as? [String] == ["Agent"])
    #expect(store.run(["user", "role", "add", "alice", "Agent"]).status == 65)
    #expect(store.run(["user", "role", "add", "alice", "Ghost"]).status == 66)
    // A holder may read their own role.
    #expect(store.run(["role", "show", "Agent"], as: "alice").status == 0)
    try store.json(["user", "role", "remove", "alice", "Agent"])
    #expect(store.run(["user", "role", "remove", "alice", "Agent"]).status == 66)
    #expect(store.run(["role", "show", "Agent"], as: "alice").status == 77)
  }

  @Test func textOutputGoesToStdoutAndQuietSilencesIt() throws {
    let store = try TestStore()
    let loud = store.run(["team", "add", "Support"])
    #expect(loud.stdout == "added team Support\n")
    #expect(loud.stderr.isEmpty)
    let quiet = store.run(["team", "add", "Sales", "--quiet"])
    #expect(quiet.stdout.isEmpty)
    #expect(quiet.stderr.isEmpty)
    let failing = store.run(["team", "add", "Sales", "--quiet"])
    #expect(failing.stderr.contains("already exists"))
  }
}
