import EspoMailTestSupport
import Foundation
import Testing

/// `role preview` against the listings themselves: its "before" counts are what each holder's
/// `email list`, `case list` and `crm list` show now, its "after" counts what they show once the
/// same settings are made with `role set`.
@Suite struct RolePreviewTests {
  /// What a user's listings show: emails, cases, CRM records.
  static func listed(_ store: TestStore, _ login: String) throws -> (emails: Int, cases: Int, records: Int) {
    let emails = try store.json(["email", "list", "--limit", "1000"], as: login).array().count
    let cases = try store.json(["case", "list"], as: login).array().count
    var records = 0
    for type in ["account", "contact", "lead", "opportunity"] {
      records += try store.json(["crm", "list", type], as: login).array().count
    }
    return (emails, cases, records)
  }

  @Test(arguments: [
    ["email.read=own", "case.read=own"], ["email.read=all", "account.read=own", "contact.read=no"],
    ["email.read=team", "case.read=all", "lead.read=no"],
  ])
  func previewMatchesTheListingsBeforeAndAfter(_ settings: [String]) throws {
    let store = try GoldenJSONStore.shared.get().clone()
    let preview = try store.json(["role", "preview", "Agent"] + settings).object()
    let users = try #require(preview["users"] as? [[String: Any]])
    #expect(Set(users.compactMap { $0["login"] as? String }) == ["alice", "bob"])
    let before = try Dictionary(uniqueKeysWithValues: users.map { ($0["login"] as! String, try Self.listed(store, $0["login"] as! String)) })
    try store.json(["role", "set", "Agent"] + settings)
    var affected = false
    for user in users {
      let login = user["login"] as! String
      let after = try Self.listed(store, login)
      for (key, now, then) in [
        ("emails", before[login]!.emails, after.emails), ("cases", before[login]!.cases, after.cases),
        ("records", before[login]!.records, after.records),
      ] {
        let count = user[key] as? [String: Int]
        #expect(count?["before"] == now, "\(login) \(key) before")
        #expect(count?["after"] == then, "\(login) \(key) after")
        if now != then { affected = true }
      }
      #expect(user["affected"] as? Bool == (before[login]!.emails != after.emails || before[login]!.cases != after.cases || before[login]!.records != after.records))
    }
    #expect(affected, "each case must change someone's access, or it proves nothing")
  }

  @Test func previewChangesNothingAndIsForAdmins() throws {
    let store = try GoldenJSONStore.shared.get().clone()
    let role = try store.json(["role", "show", "Agent"]).stdout
    try store.json(["role", "preview", "Agent", "email.read=no"])
    #expect(try store.json(["role", "show", "Agent"]).stdout == role)
    #expect(store.run(["role", "preview", "Agent", "email.read=no"], as: "alice").status == 77)
    #expect(store.run(["role", "preview", "Agent", "email.read=maybe"]).status == 64)
  }
}
