import EspoMailTestSupport
import Foundation
import Testing

@Suite struct RecordCommandTests {
  @Test func crmRecordsWithSharedAddressesAndAccounts() throws {
    let store = try TestStore()
    let account = try store.json(["crm", "account", "add", "Acme Ltd", "--email", "info@acme.example"]).object()
    #expect(account["record"] as? String == "account:1")
    let contact = try store.json([
      "crm", "contact", "add", "Jane Roe", "--email", "Jane@Acme.example", "--account", "account:1",
    ]).object()
    #expect(contact["account"] as? String == "account:1")
    try store.json(["crm", "lead", "add", "Jim Prospect", "--email", "jane@acme.example"])  // shared address
    let deal = try store.json(["crm", "opportunity", "add", "Renewal", "--account", "account:1"]).object()
    #expect(deal["record"] as? String == "opportunity:1")
    #expect(Set(deal.keys) == ["record", "type", "id", "name", "addresses", "account", "followers", "createdAt", "convertedTo"])
    let contacts = try store.json(["crm", "list", "contact"]).array()
    #expect(contacts.map { $0["name"] as? String } == ["Jane Roe"])
    let shown = try store.json(["crm", "show", "lead:1"]).object()
    #expect(shown["addresses"] as? [String] == ["Jane@Acme.example"])  // one row, spelled as first written
  }

  @Test func crmBadInput() throws {
    let store = try TestStore()
    #expect(store.run(["crm", "contact", "add", "Jane", "--account", "account:9"]).status == 66)
    #expect(store.run(["crm", "contact", "add", "Jane", "--account", "lead:1"]).status == 64)
    #expect(store.run(["crm", "opportunity", "add", "Deal"]).status == 64)
    #expect(store.run(["crm", "account", "add", "Acme", "--email", "bad"]).status == 65)
    #expect(store.run(["crm", "list", "widget"]).status == 64)
    #expect(store.run(["crm", "show", "contact:7"]).status == 66)
    #expect(store.run(["crm", "show", "contact"]).status == 64)
    #expect(try store.json(["crm", "list", "account"]).array().isEmpty)
  }

  @Test func creatingRecordsNeedsTheRole() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice"])
    let denied = store.run(["crm", "account", "add", "Acme"], as: "alice")
    #expect(denied.status == 77)
    #expect(denied.stderr.contains("account.create=yes"))
    try store.json(["role", "create", "Sales"])
    try store.json(["role", "set", "Sales", "account.create=yes", "account.read=own"])
    try store.json(["user", "role", "add", "alice", "Sales"])
    try store.json(["crm", "account", "add", "Alice's", "--quiet"], as: "alice")
    try store.json(["crm", "account", "add", "Root's"])
    // Own: alice sees what she created, not root's.
    #expect(try store.json(["crm", "list", "account"], as: "alice").array().map { $0["name"] as? String } == ["Alice's"])
    #expect(store.run(["crm", "show", "account:2"], as: "alice").status == 77)
    // A new user with no role sees nothing, and is not told what exists.
    try store.json(["user", "add", "bob"])
    #expect(try store.json(["crm", "list", "account"], as: "bob").array().isEmpty)
  }

  @Test func followAndUnfollow() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice"])
    try store.json(["crm", "account", "add", "Acme"])
    let followed = try store.json(["follow", "account:1", "--user", "alice"]).object()
    #expect(followed["followers"] as? [String] == ["alice"])
    #expect(followed["changed"] as? Bool == true)
    #expect(try store.json(["follow", "account:1", "--user", "alice"]).object()["changed"] as? Bool == false)
    #expect(try store.json(["crm", "show", "account:1"]).object()["followers"] as? [String] == ["alice"])
    #expect(store.run(["follow", "account:1", "--user", "root"], as: "alice").status == 77)
    #expect(store.run(["follow", "account:5"]).status == 66)
    #expect(store.run(["follow", "email:5"]).status == 64)
    let unfollowed = try store.json(["unfollow", "account:1", "--user", "alice"]).object()
    #expect(unfollowed["followers"] as? [String] == [])
  }

  @Test func casesNumberedWithStatuses() throws {
    let store = try TestStore()
    try store.json(["crm", "account", "add", "Acme"])
    try store.json(["crm", "contact", "add", "Jane", "--account", "account:1"])
    let first = try store.json(["case", "create", "Printer on fire", "--contact", "contact:1"]).object()
    #expect(first["number"] as? Int == 1)
    #expect(first["status"] as? String == "new")
    #expect(first["account"] as? String == "account:1")  // from the contact
    #expect(first["assignedUser"] is NSNull)
    #expect(
      Set(first.keys).isSuperset(of: [
        "number", "name", "status", "assignedUser", "account", "contact", "lead", "teams", "groupAccount",
        "emailCount", "createdAt",
      ]))
    try store.json(["case", "create", "Second"])
    #expect(try store.json(["case", "list"]).array().map { $0["number"] as? Int } == [2, 1])
    try store.json(["case", "status", "#1", "closed"])
    #expect(try store.json(["case", "show", "case:1"]).object()["status"] as? String == "closed")
    #expect(try store.json(["case", "list", "--status", "closed"]).array().count == 1)
    #expect(store.run(["case", "status", "1", "done"]).status == 64)
    #expect(store.run(["case", "show", "99"]).status == 66)
    #expect(store.run(["case", "show", "x"]).status == 64)
    #expect(store.run(["case", "list", "--assigned", "ghost"]).status == 66)
  }

  @Test func caseAccessFollowsRoleLevels() throws {
    let store = try TestStore()
    try store.json(["team", "add", "Support"])
    try store.json(["user", "add", "alice", "--team", "Support"])
    try store.json(["user", "add", "bob", "--team", "Support"])
    try store.json(["user", "add", "carl"])
    try store.json(["role", "create", "Agent"])
    try store.json(["role", "set", "Agent", "case.create=yes", "case.read=team", "case.edit=own"])
    for login in ["alice", "bob", "carl"] { try store.json(["user", "role", "add", login, "Agent"]) }
    try store.json(["case", "create", "Alice's case"], as: "alice")
    #expect(try store.json(["case", "list"], as: "bob").array().count == 1)  // same team
    #expect(try store.json(["case", "list"], as: "carl").array().isEmpty)  // other team
    #expect(store.run(["case", "show", "1"], as: "carl").status == 77)
    #expect(store.run(["case", "status", "1", "pending"], as: "bob").status == 77)  // edit=own
    try store.json(["case", "status", "1", "pending"], as: "alice")
    try store.json(["user", "add", "dan"])
    #expect(store.run(["case", "create", "x"], as: "dan").status == 77)  // no role: nothing
  }
}
