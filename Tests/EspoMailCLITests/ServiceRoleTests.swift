import EspoMailTestSupport
import Foundation
import Testing

/// The fetch service's database role of Docs/postgresql.md, "Roles for the fetch service", made by
/// running the SQL that document gives: connected as it, `fetch --all` imports mail and the admin's
/// commands work, while the schema is out of its reach. PostgreSQL only (the second run of the suite).
@Suite(.enabled(if: TestStore.engine == .postgresql && DovecotServer.shouldRun)) struct ServiceRoleTests {
  /// The SQL block of the document's section, which the test runs as written (with its own role name).
  static func documentedGrants(role: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let document = try String(contentsOf: root.appendingPathComponent("Docs/postgresql.md"), encoding: .utf8)
    let section = try #require(document.components(separatedBy: "## Roles for the fetch service").dropFirst().first)
    let block = try #require(section.components(separatedBy: "```sql\n").dropFirst().first?.components(separatedBy: "```").first)
    return block.replacingOccurrences(of: "espomail_fetch", with: role)
  }

  @Test func theServiceRoleFetchesButCannotTouchTheSchema() throws {
    let lab = try MailLab()
    let server = try PostgresServer.shared.get()
    let database = try #require(URL(string: lab.store.path)?.lastPathComponent)
    let role = "svc_" + database
    try server.psql(try Self.documentedGrants(role: role), database: database)
    let service = lab.store.path.replacingOccurrences(of: "//espomail@", with: "//\(role)@")
    let environment = ["ESPOMAIL_STORE": service]

    let box = try lab.mailbox("support")
    #expect(lab.addAccount("support", mailbox: box).status == 0)
    for number in 1...3 {
      try lab.dovecot.deliver(
        SampleMessage.make(id: "svc-\(number)@example.org", from: "c\(number)@example.org", to: "\(box)@example.com", subject: "Hello \(number)"),
        to: box)
    }
    let fetched = try lab.fetch(environment: environment)
    #expect(fetched.status == 0, "\(fetched.result.stderr)")
    #expect(fetched.accounts["support"]?["new"] as? Int == 3)
    let emails = try lab.store.run(["email", "list", "--format", "json"], environment: environment).array()
    #expect(emails.count == 3)
    #expect(lab.store.run(["user", "add", "dora"], environment: environment).status == 0)

    for statement in ["DROP TABLE email_search", "ALTER TABLE email ADD COLUMN x TEXT", "CREATE TABLE spy (x TEXT)", "TRUNCATE email"] {
      #expect(throws: (any Error).self, "\(statement)") { try server.psql(statement, database: database, user: role) }
    }
  }
}
