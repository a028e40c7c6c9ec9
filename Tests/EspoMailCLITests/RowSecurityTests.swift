import EspoMailTestSupport
import Foundation
import Testing

/// Several users on PostgreSQL (Docs/security.md): each user connects as a login role of their own,
/// and PostgreSQL's row-level security gives them exactly what the library's access rules give
/// them. On a generated population (users at every level of every scope, in teams and not, an
/// inactive user and an admin; emails to users, to nobody, through team and teamless accounts;
/// cases, CRM records, follows, stream notes, attachments and sealed secrets), for every user the
/// library's listings, psql connected as their role, and the espomail binary connected as their
/// role give the same emails, cases and records; a dump of every table their role can read holds
/// no marker of an email they may not read and no secret; writes outside their own mail state fail.
@Suite(.enabled(if: TestStore.engine == .postgresql)) struct RowSecurityTests {
  /// The record scopes `crm list` takes.
  static let recordTypes = ["account", "contact", "lead", "opportunity"]

  /// A store with the population, every user mapped to a login role named `<database>_<login>`.
  final class Population: Sendable {
    let store: TestStore
    let server: PostgresServer
    let database: String
    /// Each email's marker word (letters only, so that search vectors keep it whole), by email id.
    let markers: [Int: String]

    init() throws {
      store = try TestStore()
      server = try PostgresServer.shared.get()
      database = try #require(URL(string: store.path)?.lastPathComponent)
      var markers: [Int: String] = [:]
      try Self.populate(store, database: database, markers: &markers)
      self.markers = markers
    }

    /// The login role of an espomail user.
    func role(_ login: String) -> String { "\(database)_\(login)" }

    /// The store's URI connected as the user's login role.
    func uri(as login: String) -> String { store.path.replacingOccurrences(of: "//espomail@", with: "//\(role(login))@") }

    /// Rows of a query run by psql as the user's login role, one string per row.
    func psql(_ sql: String, as login: String) throws -> [String] {
      try server.psql(sql, database: database, user: role(login)).split(separator: "\n").map(String.init)
    }

    private static func step(_ store: TestStore, _ arguments: [String], as login: String? = nil, stdin: String = "") throws -> [String: Any] {
      let result = store.run(arguments + ["--format", "json"], as: login, stdin: stdin)
      guard result.status == 0 else {
        throw TestSupportError("\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
      }
      return (try? result.object()) ?? [:]
    }

    private static func populate(_ store: TestStore, database: String, markers: inout [Int: String]) throws {
      let run = { (arguments: [String], login: String?) throws -> [String: Any] in try step(store, arguments, as: login) }
      for team in ["Red", "Blue"] { _ = try run(["team", "add", team], nil) }
      let creates = ["case", "account", "contact", "lead", "opportunity"].map { "\($0).create=yes" }
      for level in ["no", "own", "team", "all"] {
        _ = try run(["role", "create", "L-\(level)"], nil)
        let reads = ["email", "case", "account", "contact", "lead", "opportunity"].map { "\($0).read=\(level)" }
        _ = try run(["role", "set", "L-\(level)"] + reads + creates + ["personal-email-accounts=yes"], nil)
      }
      _ = try run(["role", "create", "Mixed"], nil)
      _ = try run(
        ["role", "set", "Mixed", "email.read=team", "case.read=own", "account.read=all", "contact.read=own",
         "lead.read=team", "opportunity.read=no"] + creates, nil)
      let people: [(login: String, role: String?, team: String?)] = [
        ("nora", "L-no", "Red"), ("olga", "L-own", "Red"), ("tess", "L-team", "Red"), ("tina", "L-team", "Blue"),
        ("alma", "L-all", nil), ("mixa", "Mixed", "Blue"), ("lone", "L-team", nil), ("gone", "L-all", "Red"),
        ("boss", nil, nil),
      ]
      for person in people {
        var add = ["user", "add", person.login, "--email", "\(person.login)@example.com", "--db-role", "\(database)_\(person.login)", "--create-db-role"]
        if let team = person.team { add += ["--team", team] }
        if person.login == "boss" { add.append("--admin") }
        _ = try run(add, nil)
        if let role = person.role { _ = try run(["user", "role", "add", person.login, role], nil) }
      }
      let server = ["--imap-host", "127.0.0.1", "--imap-port", "1", "--security", "none", "--username", "x"]
      for (name, team) in [("red-desk", "Red"), ("blue-desk", "Blue"), ("bare-desk", nil)] as [(String, String?)] {
        var add = ["account", "add", name, "--group", "--address", "\(name)@example.com"] + server + ["--password-stdin"]
        if let team { add += ["--team", team] }
        _ = try step(store, add, stdin: "group-password\n")
      }
      _ = try step(
        store, ["account", "add", "olga-mail", "--personal", "--owner", "olga", "--address", "olga@example.com"] + server
          + ["--password-stdin"], stdin: "olga-password\n")
      _ = try run(
        ["account", "add", "cmd-desk", "--group", "--address", "cmd@example.com"] + server
          + ["--password-command", "cat /nonexistent/commandsecretzq"], nil)

      // Emails: (recipients, cc, account, sender); each gets a marker word in subject and body.
      let mails: [(to: String, cc: String?, account: String?, from: String)] = [
        ("olga@example.com", nil, nil, "cust@ext.example"),
        ("tess@example.com", "tina@example.com", nil, "cust@ext.example"),
        ("stranger@else.example", nil, nil, "cust@ext.example"),
        ("red-desk@example.com", nil, "red-desk", "cust@ext.example"),
        ("blue-desk@example.com", nil, "blue-desk", "cust@ext.example"),
        ("alma@example.com", nil, "bare-desk", "cust@ext.example"),
        ("lone@example.com", nil, nil, "mixa@example.com"),
        ("gone@example.com", nil, nil, "cust@ext.example"),
        ("boss@example.com", nil, nil, "cust@ext.example"),
        ("blue-desk@example.com", "olga@example.com", "blue-desk", "cust@ext.example"),
      ]
      let letters = Array("abcdefghijklmnopqrstuvwxyz")
      for (index, mail) in mails.enumerated() {
        let marker = "zqkx" + String(letters[index / 26]) + String(letters[index % 26])
        let file = store.directory.file("mail-\(index).eml")
        let message = SampleMessage.make(
          id: "rls-\(index)@ext.example", from: mail.from, to: mail.to, cc: mail.cc, subject: "About \(marker)",
          body: "Body with \(marker) inside.\n")
        try Data(message).write(to: URL(fileURLWithPath: file))
        let imported = try run(["email", "import", file] + (mail.account.map { ["--account", $0] } ?? []), nil)
        let id = try #require(imported["id"] as? Int)
        markers[id] = marker
      }
      // tina joins Red after its mail arrived: she reaches it through the team only.
      _ = try run(["team", "member", "add", "Red", "tina"], nil)
      // Cases, by several users, one assigned to a teammate.
      let olgaCase = try #require(try run(["case", "create", "Case of olga"], "olga")["number"] as? Int)
      let tinaCase = try #require(try run(["case", "create", "Case of tina"], "tina")["number"] as? Int)
      _ = try run(["case", "assign", "\(tinaCase)", "tess"], nil)
      _ = try run(["case", "create", "Case of boss"], nil)
      _ = try run(["case", "create", "Case of mixa"], "mixa")
      // CRM records by several users, follows, and emails linked to records (stream notes).
      let acme = try #require(try run(["crm", "account", "add", "Acme"], "olga")["id"] as? Int)
      _ = try run(["crm", "contact", "add", "Kim", "--account", "account:\(acme)"], "tess")
      _ = try run(["crm", "lead", "add", "Lee"], "tess")
      _ = try run(["crm", "opportunity", "add", "Deal", "--account", "account:\(acme)"], "mixa")
      let bossAccount = try #require(try run(["crm", "account", "add", "Globex"], nil)["id"] as? Int)
      let bossContact = try #require(try run(["crm", "contact", "add", "Kay"], nil)["id"] as? Int)
      _ = try run(["crm", "lead", "add", "Lou"], "lone")
      _ = try run(["follow", "account:\(bossAccount)", "--user", "tess"], nil)
      _ = try run(["follow", "contact:\(bossContact)", "--user", "mixa"], nil)
      let ids = markers.keys.sorted()
      _ = try run(["email", "link", "\(ids[2])", "account:\(bossAccount)"], nil)
      _ = try run(["email", "link", "\(ids[3])", "case:\(olgaCase)"], nil)
      _ = try run(["folder", "add", "Private", "--user", "tess"], nil)
      _ = try run(["user", "set", "gone", "--inactive"], nil)
    }
  }

  /// One population for the suite's tests, which only read it (writes are tried in transactions
  /// that fail or change the tester's own rows).
  static let population = Result { try Population() }

  /// Users whose every answer must be compared.
  static let logins = ["nora", "olga", "tess", "tina", "alma", "mixa", "lone", "gone", "boss"]

  /// The library's answer for a user: what their listings show, acting through the owner's
  /// connection (their OS login); nothing for an inactive user.
  static func libraryView(_ population: Population, _ login: String, environment: [String: String] = [:]) throws -> [String: Set<Int>] {
    if login == "gone" { return ["email": [], "case": [], "account": [], "contact": [], "lead": [], "opportunity": []] }
    func ids(_ arguments: [String], key: String) throws -> Set<Int> {
      let result = population.store.run(arguments + ["--format", "json"], as: login, environment: environment)
      guard result.status == 0 else { throw TestSupportError("\(arguments) as \(login): \(result.stderr)") }
      return Set(try result.array().compactMap { $0[key] as? Int })
    }
    var view = [
      "email": try ids(["email", "list", "--limit", "10000"], key: "id"),
      "case": try ids(["case", "list"], key: "number"),
    ]
    for type in recordTypes { view[type] = try ids(["crm", "list", type], key: "id") }
    return view
  }

  /// What PostgreSQL gives the user's login role.
  static func databaseView(_ population: Population, _ login: String) throws -> [String: Set<Int>] {
    func ids(_ table: String, _ column: String = "id") throws -> Set<Int> {
      Set(try population.psql("SELECT \(column) FROM \(table)", as: login).compactMap { Int($0) })
    }
    return [
      "email": try ids("email"), "case": try ids("crm_case", "number"), "account": try ids("crm_account"),
      "contact": try ids("contact"), "lead": try ids("lead"), "opportunity": try ids("opportunity"),
    ]
  }

  @Test(arguments: logins)
  func theDatabaseGivesEachUserWhatTheLibraryGivesThem(_ login: String) throws {
    let population = try Self.population.get()
    let library = try Self.libraryView(population, login)
    let database = try Self.databaseView(population, login)
    #expect(database == library, "\(login): database \(database), library \(library)")
    if login == "gone" {
      let own = population.store.run(["email", "list"], environment: ["ESPOMAIL_STORE": population.uri(as: login)])
      #expect(own.status == 77 && own.stderr.contains("inactive"), "\(own.stderr)")
    } else {
      let own = try Self.libraryView(population, login, environment: ["ESPOMAIL_STORE": population.uri(as: login)])
      #expect(own == library, "\(login) connected as their role: \(own), library \(library)")
    }
  }

  @Test func thePopulationSeparatesTheLevels() throws {
    let population = try Self.population.get()
    let views = try Dictionary(uniqueKeysWithValues: Self.logins.map { ($0, try Self.libraryView(population, $0)) })
    let all = population.markers.count
    #expect(views["boss"]?["email"]?.count == all && views["alma"]?["email"]?.count == all)
    #expect(views["nora"]?.values.allSatisfy(\.isEmpty) == true)
    func had(_ login: String) throws -> Set<Int> {
      Set(
        try population.server.psql(
          "SELECT email_id FROM email_user JOIN \"user\" u ON u.id = user_id WHERE u.login = '\(login)'",
          database: population.database
        ).split(separator: "\n").compactMap { Int($0) })
    }
    let olgaHas = try had("olga")
    #expect(views["olga"]?["email"] == olgaHas && !olgaHas.isEmpty, "own: exactly the mail she has")
    let throughTeam = (views["tina"]?["email"] ?? []).subtracting(try had("tina"))
    #expect(!throughTeam.isEmpty, "team: some mail only through a team")
    #expect((views["tina"]?["email"]?.count ?? 0) < all)
    for type in ["case"] + Self.recordTypes {
      #expect((views["olga"]?[type]?.count ?? 0) < (views["alma"]?[type]?.count ?? 0), "\(type)")
    }
  }

  @Test(arguments: logins.filter { $0 != "boss" })
  func aDumpOfEveryReadableTableHoldsNothingBeyondTheUsersLevel(_ login: String) throws {
    let population = try Self.population.get()
    let readable = try Self.libraryView(population, login)["email"] ?? []
    let columns = try population.psql(
      """
      SELECT quote_ident(c.relname) || '|' || string_agg(quote_ident(a.attname), ',' ORDER BY a.attnum)
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
        AND has_column_privilege(c.oid, a.attnum, 'SELECT')
      GROUP BY c.relname ORDER BY c.relname
      """, as: login)
    #expect(columns.contains { $0.hasPrefix("email|") } && columns.contains { $0.hasPrefix("mail_account|") }, "\(columns)")
    #expect(!columns.contains { $0.hasPrefix("outbox|") || $0.hasPrefix("quarantine|") })
    let query = columns.map { line -> String in
      let parts = line.split(separator: "|", maxSplits: 1)
      return "SELECT '\(parts[0])' || ': ' || ROW(\(parts[1]))::text FROM \(parts[0])"
    }.joined(separator: " UNION ALL ")
    let dump = try population.psql(query, as: login).joined(separator: "\n").lowercased()
    #expect(!dump.isEmpty || login == "gone" || login == "nora")
    for (id, marker) in population.markers where !readable.contains(id) {
      let hex = marker.utf8.map { String(format: "%02x", $0) }.joined()
      let leakedText = dump.contains(marker)
      let leakedBytes = dump.contains(hex)
      #expect(!leakedText, "\(login) may not read email \(id), but its marker \(marker) is in the dump")
      #expect(!leakedBytes, "\(login): the bytes of email \(id) are in the dump")
    }
    let secrets = try population.server.psql(
      "SELECT encode(imap_secret, 'hex') FROM mail_account WHERE imap_secret IS NOT NULL", database: population.database)
    #expect(secrets.split(separator: "\n").count == 4)
    let leakedSecrets = secrets.split(separator: "\n").filter { dump.contains($0.lowercased()) }
    let leakedCommand = dump.contains("commandsecretzq")
    #expect(leakedSecrets.isEmpty, "\(login): \(leakedSecrets.count) sealed passwords are in the dump")
    #expect(!leakedCommand, "\(login): a secret command is in the dump")
  }

  @Test func aUserChangesOnlyTheirOwnMailStateThroughPsql() throws {
    let population = try Self.population.get()
    let ids = try population.server.psql(
      "SELECT login || '=' || id FROM \"user\"", database: population.database
    ).split(separator: "\n").reduce(into: [String: String]()) { map, line in
      let parts = line.split(separator: "=")
      map[String(parts[0])] = String(parts[1])
    }
    let olga = try #require(ids["olga"])
    let tess = try #require(ids["tess"])
    let tessFolder = try population.server.psql(
      "SELECT id FROM email_folder WHERE user_id = \(tess)", database: population.database)
    let globex = try population.server.psql(
      "SELECT id FROM crm_account WHERE name = 'Globex'", database: population.database)
    let refused = [
      "UPDATE email SET subject = 'changed'",
      "INSERT INTO email_user(email_id, user_id) SELECT id, \(olga) FROM email LIMIT 1",
      "UPDATE \"user\" SET is_admin = 1 WHERE id = \(olga)",
      "INSERT INTO user_role(user_id, role_id) SELECT \(olga), id FROM role",
      "GRANT espomail_service TO \(population.role("olga"))",
      "SET ROLE espomail_service",
      "INSERT INTO outbox(idempotency_key, kind, mail_from, recipients, raw) VALUES ('k', 'user', 'boss@example.com', '[]', '\\x00')",
      "INSERT INTO note(entity_type, entity_id, kind) VALUES ('account', 1, 'post')",
      "INSERT INTO follow(user_id, entity_type, entity_id) VALUES (\(olga), 'account', \(globex))",
      "UPDATE email_user SET folder_id = \(tessFolder) WHERE user_id = \(olga)",
      "SELECT imap_secret FROM mail_account",
      "DELETE FROM email",
    ]
    for statement in refused {
      #expect(throws: (any Error).self, "\(statement)") { try population.psql(statement, as: "olga") }
    }
    let others = try population.psql(
      "WITH changed AS (UPDATE email_user SET is_read = 1 WHERE user_id <> \(olga) RETURNING 1) SELECT count(*) FROM changed",
      as: "olga")
    #expect(others == ["0"], "olga changed other users' mail state")
    // Her role grants no email.edit: no email is hers to link.
    let linked = try population.psql(
      "WITH changed AS (UPDATE email SET parent_type = NULL, parent_id = NULL, crm_account_id = NULL RETURNING 1) SELECT count(*) FROM changed",
      as: "olga")
    #expect(linked == ["0"], "olga unlinked mail without email.edit")
    let own = try population.psql(
      "WITH changed AS (UPDATE email_user SET is_important = 1 WHERE user_id = \(olga) RETURNING 1) SELECT count(*) FROM changed",
      as: "olga")
    #expect((Int(own.first ?? "") ?? 0) > 0, "olga could not mark her own mail")
  }

  @Test func anAgentsOwnRoleLeavesFetchingToTheService() throws {
    let population = try Self.population.get()
    let refused = population.store.run(["fetch", "--all"], environment: ["ESPOMAIL_STORE": population.uri(as: "olga")])
    #expect(refused.status == 77 && refused.stderr.contains("fetch service"), "\(refused.stderr)")
  }

  @Test func anAdminsMembershipFollowsTheFlags() throws {
    let population = try Self.population.get()
    let store = try TestStore()
    let database = try #require(URL(string: store.path)?.lastPathComponent)
    let role = "\(database)_ada"
    func member(of group: String) throws -> String {
      try population.server.psql("SELECT pg_has_role('\(role)', '\(group)', 'MEMBER')", database: database)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(store.run(["user", "add", "ada", "--admin", "--db-role", role, "--create-db-role"]).status == 0)
    #expect(try member(of: "espomail_service") == "t" && member(of: "espomail_agent") == "t")
    #expect(store.run(["user", "set", "ada", "--no-admin"]).status == 0)
    #expect(try member(of: "espomail_service") == "f")
    #expect(store.run(["user", "set", "ada", "--no-db-role"]).status == 0)
    #expect(try member(of: "espomail_agent") == "f")
    let superuser = store.run(["user", "set", "ada", "--db-role", "espomail"])
    #expect(superuser.status == 77 && superuser.stderr.contains("bypasses row-level security"), "\(superuser.stderr)")
    let missing = store.run(["user", "set", "ada", "--db-role", "\(database)_nobody"])
    #expect(missing.status == 66 && missing.stderr.contains("--create-db-role"), "\(missing.stderr)")
    #expect(store.run(["user", "set", "ada", "--db-role", "bad\"name"]).status == 64)
    try population.server.psql(
      "CREATE ROLE \(database)_fetchers; GRANT espomail_service TO \(database)_fetchers; "
        + "CREATE ROLE \(database)_eve LOGIN IN ROLE \(database)_fetchers", database: database)
    let indirect = store.run(["user", "set", "ada", "--db-role", "\(database)_eve"])
    #expect(indirect.status == 77 && indirect.stderr.contains("through another role"), "\(indirect.stderr)")
    #expect(try store.json(["user", "show", "ada"]).object()["databaseRole"] is NSNull, "the refused mapping was kept")
  }
}

/// On an SQLite store there are no database roles: asking for one is a usage error that says why.
@Suite(.enabled(if: TestStore.engine == .sqlite)) struct DatabaseRoleOnSQLiteTests {
  @Test func aDatabaseRoleIsRefusedOnAnSQLiteStore() throws {
    let store = try TestStore()
    let added = store.run(["user", "add", "ada", "--create-db-role"])
    #expect(added.status == 64 && added.stderr.contains("PostgreSQL"), "\(added.stderr)")
    #expect(store.run(["user", "show", "ada"]).status == 66, "the refused user was added anyway")
  }
}
