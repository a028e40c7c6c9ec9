import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Listing and showing emails for a viewer: visibility, folders, search and paging
/// (`Transaction+EmailQueries`).
@Suite struct EmailQueriesStoreTests {
  /// Ids of the emails a query lists.
  private func ids(
    _ tx: Transaction, _ viewer: Int64, _ visibility: EmailVisibility, _ change: (inout EmailQuery) -> Void = { _ in }
  )
    throws -> [Int64]
  {
    var query = EmailQuery(viewerID: viewer, visibility: visibility)
    change(&query)
    return try tx.emails(query).map(\.id)
  }

  @Test("visibility: all, own (the viewer's emails), team (theirs or their teams'), none")
  func visibility() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let support = try tx.seedTeam("Support", members: [alice])
      let sales = try tx.seedTeam("Sales")
      let mine = try tx.insertEmail(StoreSamples.email("mine@x", date: "2026-11-16T10:00:00Z"))
      let teams = try tx.insertEmail(StoreSamples.email("team@x", date: "2026-11-16T11:00:00Z"))
      let others = try tx.insertEmail(StoreSamples.email("other@x", date: "2026-11-16T12:00:00Z"))
      try tx.addEmailUsers(emailID: mine, userIDs: [alice])
      try tx.addEmailTeams(emailID: teams, teamIDs: [support])
      try tx.addEmailTeams(emailID: others, teamIDs: [sales])
      #expect(try ids(tx, alice, .all) == [others, teams, mine])
      #expect(try ids(tx, alice, .own) == [mine])
      #expect(try ids(tx, alice, .team([support])) == [teams, mine])
      #expect(try ids(tx, alice, .team([])) == [mine])
      #expect(try ids(tx, alice, .none) == [])
    }
  }

  @Test("folders: inbox, sent (from the viewer's address), archive, trash, important and a personal folder")
  func folders() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice", addresses: ["alice@example.com"])
      let folder = try tx.insertFolder(userID: alice, name: "Projects", skipNotifications: false)
      var made: [String: Int64] = [:]
      for (index, name) in ["inbox", "sent", "archived", "trashed", "filed", "important"].enumerated() {
        let id = try tx.insertEmail(
          StoreSamples.email(
            "\(name)@x", date: "2026-11-16T1\(index):00:00Z", from: name == "sent" ? "Alice@example.com" : "x@y.example"
          ))
        try tx.addEmailUsers(emailID: id, userIDs: [alice])
        made[name] = id
      }
      try tx.archive(emailID: made["archived"]!, userID: alice)
      try tx.setFlag(.trash, true, emailID: made["trashed"]!, userID: alice)
      try tx.moveToFolder(emailID: made["filed"]!, userID: alice, folderID: folder)
      try tx.setFlag(.important, true, emailID: made["important"]!, userID: alice)
      func listed(_ name: String) throws -> [Int64] { try ids(tx, alice, .all) { $0.folder = name } }
      #expect(try listed("INBOX") == [made["important"]!, made["inbox"]!])
      #expect(try listed("sent") == [made["sent"]!])
      #expect(try listed("archive") == [made["archived"]!])
      #expect(try listed("trash") == [made["trashed"]!])
      #expect(try listed("important") == [made["important"]!])
      #expect(try listed("projects") == [made["filed"]!])
      #expect(try tx.emailDetail(id: made["filed"]!, viewerID: alice)?.summary.folder == "Projects")
      #expect(try tx.emailDetail(id: made["sent"]!, viewerID: alice)?.summary.folder == "sent")
      #expect(try tx.emailDetail(id: made["trashed"]!, viewerID: alice)?.summary.folder == "trash")
    }
  }

  @Test("an email the viewer does not have has no folder and is unread")
  func notTheViewersEmail() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let id = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.addEmailUsers(emailID: id, userIDs: [bob])
      try tx.setFlag(.read, true, emailID: id, userID: bob)
      let seen = try #require(try tx.emailDetail(id: id, viewerID: alice)?.summary)
      #expect(seen.folder == nil)
      #expect(!seen.isRead)
      #expect(seen.users == ["bob"])
      #expect(try tx.emailDetail(id: id, viewerID: bob)?.summary.isRead == true)
      #expect(try tx.userHasEmail(emailID: id, userID: bob))
      #expect(try !tx.userHasEmail(emailID: id, userID: alice))
      #expect(try tx.emailDetail(id: id + 1, viewerID: alice) == nil)
    }
  }

  @Test("filters by account, by parent, and full-text search whose words cannot inject syntax")
  func accountParentAndSearch() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let viewer = try tx.seedUser("alice")
      let account = try tx.seedAccount(StoreSamples.account("support"))
      let acme = try tx.seedRecord(.account, "Acme")
      let printer = try tx.insertEmail(
        StoreSamples.email("a@x", subject: "Printer jammed", body: "paper everywhere", parent: acme))
      let invoice = try tx.insertEmail(StoreSamples.email("b@x", subject: "Invoice", body: "pay \"now\" OR never"))
      try tx.addEmailAccount(emailID: invoice, accountID: account)
      #expect(try ids(tx, viewer, .all) { $0.accountID = account } == [invoice])
      #expect(try ids(tx, viewer, .all) { $0.parent = acme } == [printer])
      #expect(try ids(tx, viewer, .all) { $0.search = "paper" } == [printer])
      #expect(try ids(tx, viewer, .all) { $0.search = "printer paper" } == [printer])
      #expect(try ids(tx, viewer, .all) { $0.search = "\"now\" OR" } == [invoice])
      #expect(try ids(tx, viewer, .all) { $0.search = "NEAR(" } == [])
      #expect(try ids(tx, viewer, .all) { $0.search = "   " }.count == 2)
    }
  }

  @Test("search finds words whatever their case and accents, in addresses too, on either engine")
  func searchFoldsCaseAndAccents() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let viewer = try tx.seedUser("alice")
      let cafe = try tx.insertEmail(
        StoreSamples.email("c@x", subject: "Café Über-Größe", from: "jane@acme.example", body: "naïve—test «façade» x\(String(repeating: "y", count: 3000))"))
      _ = try tx.insertEmail(StoreSamples.email("b@x", subject: "Other", body: "nothing here"))
      for search in ["cafe", "CAFÉ", "uber", "größe", "naive test", "facade", "acme", "jane@acme.example", "Café-über", "grosse", "example jane"] {
        #expect(try ids(tx, viewer, .all) { $0.search = search } == [cafe], "\(search)")
      }
      #expect(try ids(tx, viewer, .all) { $0.search = "cafe nothing" } == [])
      #expect(try ids(tx, viewer, .all) { $0.search = "—«»" } == [])
    }
  }

  @Test("an email undone by its savepoint leaves no words behind, even when its id is given again")
  func searchWordsFollowTheSavepoint() throws {
    let scratch = try ScratchStore()
    let (viewer, kept) = try scratch.write { tx in
      let viewer = try tx.seedUser("alice")
      #expect(throws: EspoMailError.self) {
        try tx.savepoint {
          _ = try tx.insertEmail(StoreSamples.email("gone@x", subject: "Quarterly walrus"))
          throw EspoMailError(.dataError, "this message fails")
        }
      }
      return (viewer, try tx.insertEmail(StoreSamples.email("kept@x", subject: "Printer paper")))
    }
    try scratch.read { tx throws in
      #expect(try ids(tx, viewer, .all) { $0.search = "printer" } == [kept])
      #expect(try ids(tx, viewer, .all) { $0.search = "walrus" } == [])
    }
  }

  @Test("paging: limit, before (older) and after (newer) continue exactly, ties broken by id")
  func paging() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let viewer = try tx.seedUser("alice")
      var made: [Int64] = []
      for index in 0..<5 {
        // Two emails share each date: the id orders them.
        made.append(try tx.insertEmail(StoreSamples.email("m\(index)@x", date: "2026-11-16T1\(index / 2):00:00Z")))
      }
      let newestFirst = Array(made.reversed())
      #expect(try ids(tx, viewer, .all) { $0.limit = 2 } == Array(newestFirst[0..<2]))
      #expect(
        try ids(tx, viewer, .all) {
          $0.limit = 2
          $0.before = newestFirst[1]
        } == Array(newestFirst[2..<4]))
      #expect(
        try ids(tx, viewer, .all) {
          $0.limit = 2
          $0.before = newestFirst[3]
        } == [newestFirst[4]])
      #expect(
        try ids(tx, viewer, .all) {
          $0.limit = 2
          $0.after = newestFirst[4]
        } == Array(newestFirst[2..<4]))
      #expect(
        try ids(tx, viewer, .all) {
          $0.limit = 10
          $0.after = newestFirst[0]
        } == [])
    }
  }

  @Test("details pages carry bodies and threading headers")
  func emailDetailsPages() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let viewer = try tx.seedUser("alice")
      _ = try tx.insertEmail(StoreSamples.email("a@x", date: "2026-11-16T10:00:00Z", body: "first"))
      _ = try tx.insertEmail(StoreSamples.email("b@x", date: "2026-11-16T11:00:00Z", body: "second", inReplyTo: "a@x"))
      let details = try tx.emailDetails(EmailQuery(viewerID: viewer, visibility: .all))
      #expect(details.map(\.bodyPlain) == ["second", "first"])
      #expect(details.map(\.inReplyTo) == ["<a@x>", nil])
    }
  }
}
