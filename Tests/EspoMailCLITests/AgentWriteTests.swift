import EspoMailTestSupport
import Foundation
import Testing

/// Agents write as themselves on PostgreSQL (Docs/security.md, "Several users on PostgreSQL"):
/// every write command an agent runs through their own login role ends where the same command
/// run through the library's checks ends, and through psql they can write nothing the policies of
/// migration 0013 do not allow. Two twin stores hold one population; the same commands, in the
/// same order, run on one as each user through the owner's connection (the library decides) and
/// on the other through the user's own role (PostgreSQL decides too); the outcomes and the final
/// states must match.
@Suite(.enabled(if: TestStore.engine == .postgresql)) struct AgentWriteTests {
  /// A populated store and what its commands name.
  struct Population {
    let store: TestStore
    let server: PostgresServer
    /// The record and case ids the actions name, by a short name.
    let ids: [String: Int]
    /// What the login roles' names start with: the first twin's database (roles are the
    /// cluster's, so twins share them).
    let rolePrefix: String

    /// The store's database.
    var database: String { URL(string: store.path)?.lastPathComponent ?? "" }

    /// The login role of an espomail user.
    func role(_ login: String) -> String { "\(rolePrefix)_\(login)" }

    /// A twin: a copy of this population's store, with the same ids and roles.
    func twin() throws -> Population {
      Population(store: try TestStore(copying: store), server: server, ids: ids, rolePrefix: rolePrefix)
    }

    /// The store's URI connected as the user's login role.
    func uri(as login: String) -> String { store.path.replacingOccurrences(of: "//espomail@", with: "//\(role(login))@") }

    /// Runs SQL through psql as the user's login role.
    @discardableResult
    func psql(_ sql: String, as login: String) throws -> String {
      try server.psql(sql, database: database, user: role(login))
    }

    /// Runs SQL through psql as the owner.
    func owner(_ sql: String) throws -> [String] {
      try server.psql(sql, database: database).split(separator: "\n").map(String.init)
    }
  }

  /// Users and their roles: each level of reading and editing, a reader who may change nothing,
  /// an admin.
  static let people: [(login: String, role: String?, team: String?)] = [
    ("olga", "Own", "Red"), ("tess", "Team", "Red"), ("tina", "Team", "Blue"), ("alma", "All", nil),
    ("rita", "Reader", "Red"), ("boss", nil, nil),
  ]

  /// Builds the population on a fresh store.
  static func populate() throws -> Population {
    let store = try TestStore()
    let server = try PostgresServer.shared.get()
    let database = try #require(URL(string: store.path)?.lastPathComponent)
    func run(_ arguments: [String], as login: String? = nil, stdin: String = "") throws -> [String: Any] {
      let result = store.run(arguments + ["--format", "json"], as: login, stdin: stdin)
      guard result.status == 0 else {
        throw TestSupportError("\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
      }
      return (try? result.object()) ?? [:]
    }
    for team in ["Red", "Blue"] { _ = try run(["team", "add", team]) }
    let scopes = ["email", "case", "account", "contact", "lead", "opportunity"]
    let creates = ["case", "account", "contact", "lead", "opportunity"].map { "\($0).create=yes" }
    for (role, level) in [("Own", "own"), ("Team", "team"), ("All", "all")] {
      _ = try run(["role", "create", role])
      _ = try run(["role", "set", role] + scopes.flatMap { ["\($0).read=\(level)", "\($0).edit=\(level)"] } + creates)
    }
    _ = try run(["role", "create", "Reader"])
    _ = try run(["role", "set", "Reader"] + scopes.map { "\($0).read=team" })
    for person in people {
      var add = ["user", "add", person.login, "--email", "\(person.login)@example.com",
                 "--db-role", "\(database)_\(person.login)", "--create-db-role"]
      if let team = person.team { add += ["--team", team] }
      if person.login == "boss" { add.append("--admin") }
      _ = try run(add)
      if let role = person.role { _ = try run(["user", "role", "add", person.login, role]) }
    }
    let unreachable = ["--imap-host", "127.0.0.1", "--imap-port", "1", "--security", "none", "--username", "x"]
    _ = try run(
      ["account", "add", "red-desk", "--group", "--address", "red-desk@example.com", "--team", "Red"] + unreachable
        + ["--password-stdin"], stdin: "pw\n")
    var ids: [String: Int] = [:]
    let mails: [(name: String, to: String, account: String?)] = [
      ("olga-mail", "olga@example.com", nil), ("tina-mail", "tina@example.com", nil),
      ("red-mail", "red-desk@example.com", "red-desk"), ("boss-mail", "boss@example.com", nil),
    ]
    for (index, mail) in mails.enumerated() {
      let file = store.directory.file("mail-\(index).eml")
      try Data(SampleMessage.make(
        id: "agent-\(index)@ext.example", from: "cust@ext.example", to: mail.to, subject: "Mail \(index)",
        body: "Hello \(index).\n")).write(to: URL(fileURLWithPath: file))
      ids[mail.name] = try #require(try run(["email", "import", file] + (mail.account.map { ["--account", $0] } ?? []))["id"] as? Int)
    }
    ids["globex"] = try #require(try run(["crm", "account", "add", "Globex"])["id"] as? Int)
    ids["acme"] = try #require(try run(["crm", "account", "add", "Acme"], as: "olga")["id"] as? Int)
    ids["kim"] = try #require(try run(["crm", "contact", "add", "Kim", "--account", "account:\(ids["acme"]!)"], as: "tess")["id"] as? Int)
    ids["boss-case"] = try #require(try run(["case", "create", "Boss case"])["number"] as? Int)
    _ = try run(["case", "assign", "\(ids["boss-case"]!)", "olga"])
    ids["red-case"] = try #require(try run(["case", "create", "Red case"], as: "tess")["number"] as? Int)
    ids["blue-case"] = try #require(try run(["case", "create", "Blue case"], as: "tina")["number"] as? Int)
    _ = try run(["user", "add", "gone", "--email", "gone@example.com"])
    _ = try run(["user", "set", "gone", "--inactive"])
    return Population(store: store, server: server, ids: ids, rolePrefix: database)
  }

  /// The twins, copied before any test writes (a database is copied only while unused): the
  /// library's, the agents', and one for psql's attempts.
  static let twins = Result { () throws -> (library: Population, agents: Population, psql: Population) in
    let library = try populate()
    return (library, try library.twin(), try library.twin())
  }

  /// Each user's write commands, naming the population's records.
  static func actions(for login: String, _ ids: [String: Int]) -> [[String]] {
    let id = { (name: String) in "\(ids[name]!)" }
    return [
      ["follow", "account:\(id("globex"))"], ["unfollow", "account:\(id("globex"))"], ["follow", "account:\(id("acme"))"],
      ["crm", "contact", "add", "Contact of \(login)", "--account", "account:\(id("acme"))", "--email", "c-\(login)@ext.example"],
      ["crm", "lead", "add", "Lead of \(login)", "--email", "l-\(login)@ext.example"],
      ["crm", "opportunity", "add", "Deal of \(login)", "--account", "account:\(id("globex"))"],
      ["case", "create", "Case of \(login)", "--contact", "contact:\(id("kim"))"],
      ["case", "status", id("boss-case"), "pending"], ["case", "status", id("red-case"), "pending"],
      ["case", "status", id("blue-case"), "pending"],
      ["case", "assign", id("red-case"), login == "tess" ? "tina" : "tess"], ["case", "assign", id("boss-case"), "gone"],
      ["email", "link", id("olga-mail"), "account:\(id("acme"))"], ["email", "link", id("red-mail"), "case:\(id("red-case"))"],
      ["email", "link", id("tina-mail"), "account:\(id("globex"))"], ["email", "link", id("boss-mail"), "contact:\(id("kim"))"],
    ]
  }

  /// What a command's exit status says: done, refused (denied, or not found where PostgreSQL
  /// hides the row), or something else (a failure of the test).
  static func outcome(_ status: Int32) -> String {
    switch status {
    case 0: "done"
    case 66, 77: "refused"
    case 65: "invalid"
    default: "exit \(status)"
    }
  }

  /// The store's state in names rather than ids (the twins' sequences may differ after refused
  /// inserts): records, cases, follows, links, stream notes, notifications and decisions.
  static func state(_ population: Population) throws -> [String] {
    try population.owner("""
      SELECT 'record ' || kind || ' ' || name || ' by ' || coalesce(creator, '-') || ' ' || coalesce(addresses, '') FROM (
        SELECT 'account' AS kind, r.name, u.login AS creator, NULL AS addresses FROM crm_account r LEFT JOIN "user" u ON u.id = r.created_by_user_id
        UNION ALL SELECT 'contact', r.name || ' of ' || coalesce(a.name, '-'), u.login,
          (SELECT string_agg(x.lower, ',' ORDER BY x.lower) FROM entity_email_address h JOIN email_address x ON x.id = h.email_address_id
           WHERE h.entity_type = 'contact' AND h.entity_id = r.id)
          FROM contact r LEFT JOIN crm_account a ON a.id = r.account_id LEFT JOIN "user" u ON u.id = r.created_by_user_id
        UNION ALL SELECT 'lead', r.name, u.login,
          (SELECT string_agg(x.lower, ',' ORDER BY x.lower) FROM entity_email_address h JOIN email_address x ON x.id = h.email_address_id
           WHERE h.entity_type = 'lead' AND h.entity_id = r.id)
          FROM lead r LEFT JOIN "user" u ON u.id = r.created_by_user_id
        UNION ALL SELECT 'opportunity', r.name || ' of ' || a.name, u.login, NULL
          FROM opportunity r JOIN crm_account a ON a.id = r.account_id LEFT JOIN "user" u ON u.id = r.created_by_user_id) records
      UNION ALL SELECT 'case ' || c.name || ' ' || c.status || ' to ' || coalesce(u.login, '-') || ' teams '
          || coalesce((SELECT string_agg(t.name, ',' ORDER BY t.name) FROM case_team ct JOIN team t ON t.id = ct.team_id
                       WHERE ct.case_number = c.number), '-')
          || ' notes ' || coalesce((SELECT string_agg(n.kind, ',' ORDER BY n.id) FROM note n
                                    WHERE n.entity_type = 'case' AND n.entity_id = c.number), '-')
        FROM crm_case c LEFT JOIN "user" u ON u.id = c.assigned_user_id
      UNION ALL SELECT 'follow ' || u.login || ' ' || f.entity_type || ' ' || coalesce(a.name, f.entity_id::text)
        FROM follow f JOIN "user" u ON u.id = f.user_id LEFT JOIN crm_account a ON f.entity_type = 'account' AND a.id = f.entity_id
      UNION ALL SELECT 'email ' || e.subject || ' parent ' || coalesce(e.parent_type, '-') || ' '
          || coalesce(a.name, ct.name, c.name, '-') || ' account ' || coalesce(x.name, '-')
        FROM email e LEFT JOIN crm_account a ON e.parent_type = 'account' AND a.id = e.parent_id
          LEFT JOIN contact ct ON e.parent_type = 'contact' AND ct.id = e.parent_id
          LEFT JOIN crm_case c ON e.parent_type = 'case' AND c.number = e.parent_id
          LEFT JOIN crm_account x ON x.id = e.crm_account_id
      UNION ALL SELECT 'notification ' || u.login || ' ' || n.kind || ' ' || n.message
        FROM notification n JOIN "user" u ON u.id = n.user_id
      UNION ALL SELECT 'decision ' || e.subject || ' ' || d.step || ' ' || d.detail
        FROM decision d JOIN email e ON e.id = d.email_id WHERE d.detail LIKE '%by hand%'
      ORDER BY 1
      """)
  }

  @Test func everyWriteThroughAnAgentsOwnRoleEndsWhereTheLibrarysEnds() throws {
    let (library, agents, _) = try Self.twins.get()
    var outcomes: [String] = []
    for person in Self.people where person.login != "boss" {
      for action in Self.actions(for: person.login, library.ids) {
        let checked = library.store.run(action, as: person.login)
        let enforced = agents.store.run(action, environment: ["ESPOMAIL_STORE": agents.uri(as: person.login)])
        let line = "\(person.login): \(action.joined(separator: " "))"
        #expect(
          Self.outcome(checked.status) == Self.outcome(enforced.status),
          "\(line): library \(checked.status) \(checked.stderr) / own role \(enforced.status) \(enforced.stderr)")
        #expect(!["exit 1", "exit 70", "exit 74"].contains(Self.outcome(enforced.status)), "\(line): \(enforced.stderr)")
        outcomes.append("\(line) \(Self.outcome(enforced.status))")
      }
    }
    // The population separates the levels: every user got some writes done and some refused.
    for person in Self.people where person.login != "boss" {
      let mine = outcomes.filter { $0.hasPrefix("\(person.login):") }
      #expect(mine.contains { $0.hasSuffix(" done") }, "\(person.login) did nothing: \(mine)")
      if person.login != "alma" { #expect(mine.contains { $0.hasSuffix(" refused") }, "\(person.login) was refused nothing") }
    }
    let expected = try Self.state(library)
    let actual = try Self.state(agents)
    #expect(actual == expected, "library only: \(Set(expected).subtracting(actual).sorted()); own roles only: \(Set(actual).subtracting(expected).sorted())")
    #expect(expected.contains { $0.hasPrefix("case Case of tess") } && expected.contains { $0.hasPrefix("follow olga account Acme") })
  }

  @Test func psqlWritesBeyondTheLevelsAreRefused() throws {
    let (_, _, agents) = try Self.twins.get()
    let id = { (name: String) in agents.ids[name]! }
    let user = try agents.owner("SELECT login || '=' || id FROM \"user\"").reduce(into: [String: String]()) { map, line in
      let parts = line.split(separator: "=")
      map[String(parts[0])] = String(parts[1])
    }
    let (olga, tess, gone) = (user["olga"]!, user["tess"]!, user["gone"]!)
    let refused = [
      "INSERT INTO follow(user_id, entity_type, entity_id) VALUES (\(tess), 'account', \(id("acme")))",
      "INSERT INTO follow(user_id, entity_type, entity_id) VALUES (\(olga), 'account', \(id("globex")))",
      "INSERT INTO crm_account(name, created_by_user_id) VALUES ('Forged', \(tess))",
      "INSERT INTO contact(name, account_id, created_by_user_id) VALUES ('Spy', \(id("globex")), \(olga))",
      "INSERT INTO crm_case(name, created_by_user_id, status) VALUES ('Closed at birth', \(olga), 'closed')",
      "INSERT INTO crm_case(name, created_by_user_id, assigned_user_id) VALUES ('Pushed', \(olga), \(tess))",
      "UPDATE crm_case SET assigned_user_id = \(gone) WHERE number = \(id("boss-case"))",
      "UPDATE crm_case SET name = 'renamed' WHERE number = \(id("boss-case"))",
      "INSERT INTO note(entity_type, entity_id, kind) VALUES ('case', \(id("boss-case")), 'assign')",
      "INSERT INTO notification(user_id, kind, entity_type, entity_id, message) VALUES (\(tess), 'assigned', 'case', \(id("boss-case")), 'x')",
      "UPDATE crm_case SET status = 'pending' WHERE number = \(id("boss-case")); INSERT INTO notification(user_id, kind, entity_type, entity_id, message) VALUES (\(tess), 'assigned', 'case', \(id("boss-case")), 'x')",
      "INSERT INTO decision(email_id, step, outcome, detail) VALUES (\(id("olga-mail")), 'parent', 'x', 'x')",
      "UPDATE email SET parent_type = 'account', parent_id = \(id("globex")), crm_account_id = \(id("globex")) WHERE id = \(id("olga-mail"))",
      "UPDATE email SET parent_type = 'account', parent_id = \(id("acme")), crm_account_id = \(id("globex")) WHERE id = \(id("olga-mail"))",
      "UPDATE email SET subject = 'changed' WHERE id = \(id("olga-mail"))",
      "INSERT INTO entity_email_address(entity_type, entity_id, email_address_id) SELECT 'user', \(olga), id FROM email_address LIMIT 1",
      "INSERT INTO entity_email_address(entity_type, entity_id, email_address_id) VALUES ('account', \(id("acme")), espomail_address_id('ceo@example.com', 'ceo@example.com'))",
      "INSERT INTO case_team(case_number, team_id) SELECT \(id("boss-case")), id FROM team",
      "DELETE FROM crm_case",
    ]
    for statement in refused {
      #expect(throws: (any Error).self, "\(statement)") { try agents.psql(statement, as: "olga") }
    }
    // Rows outside the level are not there to change: nothing happens, and nothing changed.
    let before = try Self.state(agents)
    for statement in [
      "UPDATE crm_case SET status = 'closed' WHERE number = \(id("blue-case"))",
      "UPDATE email SET parent_type = NULL, parent_id = NULL, crm_account_id = NULL WHERE id = \(id("tina-mail"))",
      "DELETE FROM follow WHERE user_id = \(tess)",
    ] {
      #expect(try agents.psql("WITH changed AS (\(statement) RETURNING 1) SELECT count(*) FROM changed", as: "olga")
        .trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(statement)")
    }
    #expect(try Self.state(agents) == before)
    // What the level allows goes through psql too, with what accompanies it in one transaction.
    try agents.psql(
      "BEGIN; UPDATE crm_case SET assigned_user_id = \(tess), status = 'assigned' WHERE number = \(id("boss-case")); "
        + "INSERT INTO note(entity_type, entity_id, kind) VALUES ('case', \(id("boss-case")), 'assign'); "
        + "INSERT INTO notification(user_id, kind, entity_type, entity_id, message) VALUES (\(tess), 'assigned', 'case', \(id("boss-case")), 'yours'); COMMIT",
      as: "olga")
    #expect(try agents.owner("SELECT count(*) FROM notification WHERE user_id = \(tess) AND message = 'yours'") == ["1"])
  }
}
