import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Stored filters: names, positions, the order they run in and who they belong to
/// (`Transaction+Filters`).
@Suite struct FiltersStoreTests {
  /// A filter value of a scope, matching From.
  private func filter(
    _ name: String, _ scope: FilterScope, action: FilterAction = .skip, from: String = "*@spam.example"
  )
    -> EmailFilter
  {
    EmailFilter(
      id: 0, name: name, scope: scope, account: nil, user: nil, from: from, to: nil, subject: nil, bodyContains: [],
      bodyContainsAll: [], action: action, folder: nil, groupFolder: nil, markRead: false, skipNotification: false,
      position: 0)
  }

  @Test("filter names are unique without case")
  func namesAreUnique() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      _ = try tx.insertFilter(filter("Spam", .global), accountID: nil, userID: nil, folderID: nil, groupFolderID: nil)
      do {
        _ = try tx.insertFilter(filter("SPAM", .global), accountID: nil, userID: nil, folderID: nil, groupFolderID: nil)
        Issue.record("a second filter took the name")
      } catch let error as EspoMailError {
        #expect(error.status == .dataError)
      }
    }
  }

  @Test("a filter comes back with its criteria, phrases, flags, owner and target folder")
  func filterRoundTrip() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let folder = try tx.insertFolder(userID: alice, name: "News", skipNotifications: false)
      var saved = filter("news", .user, action: .moveToFolder)
      saved.to = "alice@*"
      saved.subject = "Weekly*"
      saved.bodyContains = ["unsubscribe", "opt out"]
      saved.bodyContainsAll = ["hello", "\"quoted\""]
      saved.markRead = true
      saved.skipNotification = true
      let id = try tx.insertFilter(saved, accountID: nil, userID: alice, folderID: folder, groupFolderID: nil)
      saved.id = id
      saved.user = "alice"
      saved.folder = "News"
      saved.position = 1
      #expect(try tx.filter(name: "NEWS") == saved)
      #expect(try tx.filterTargets(id: id) == (folder, nil))
      #expect(try tx.filter(name: "none") == nil)
    }
  }

  @Test("positions count up per scope and owner")
  func positionsPerScopeAndOwner() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let account = try tx.seedAccount(StoreSamples.account("support"))
      let inserts: [(String, FilterScope, Int64?, Int64?)] = [
        ("g1", .global, nil, nil), ("a1", .account, account, nil), ("g2", .global, nil, nil), ("u1", .user, nil, alice),
        ("v1", .user, nil, bob), ("u2", .user, nil, alice), ("a2", .account, account, nil),
      ]
      for (name, scope, accountID, userID) in inserts {
        _ = try tx.insertFilter(
          filter(name, scope), accountID: accountID, userID: userID, folderID: nil, groupFolderID: nil)
      }
      let positions = Dictionary(uniqueKeysWithValues: try tx.filters().map { ($0.name, $0.position) })
      #expect(positions == ["g1": 1, "g2": 2, "a1": 1, "a2": 2, "u1": 1, "u2": 2, "v1": 1])
    }
  }

  @Test("every filter in run order: global, then per account by name, then per user by login, each by position")
  func runOrder() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let bob = try tx.seedUser("bob")
      let alice = try tx.seedUser("alice")
      let zed = try tx.seedAccount(StoreSamples.account("zed"))
      let abc = try tx.seedAccount(StoreSamples.account("abc"))
      let inserts: [(String, FilterScope, Int64?, Int64?)] = [
        ("bob-1", .user, nil, bob), ("zed-1", .account, zed, nil), ("alice-1", .user, nil, alice),
        ("global-1", .global, nil, nil),
        ("abc-1", .account, abc, nil), ("global-2", .global, nil, nil), ("alice-2", .user, nil, alice),
      ]
      for (name, scope, accountID, userID) in inserts {
        _ = try tx.insertFilter(
          filter(name, scope), accountID: accountID, userID: userID, folderID: nil, groupFolderID: nil)
      }
      #expect(
        try tx.filters().map(\.name) == ["global-1", "global-2", "abc-1", "zed-1", "alice-1", "alice-2", "bob-1"])
      #expect(try tx.fetchFilters(accountID: zed).map(\.name) == ["global-1", "global-2", "zed-1"])
      #expect(try tx.userFilters(userID: alice).map(\.name) == ["alice-1", "alice-2"])
      #expect(try tx.userFilters(userID: bob).map(\.name) == ["bob-1"])
    }
  }

  @Test("a scope's filters need their owner: account filters an account, user filters a user, global ones neither")
  func scopeNeedsItsOwner() throws {
    let scratch = try ScratchStore()
    let alice = try scratch.write { tx in try tx.seedUser("alice") }
    let owners: [(FilterScope, Int64?, Int64?)] = [(.account, nil, nil), (.user, nil, nil), (.global, nil, alice)]
    for (scope, accountID, userID) in owners {
      do {
        try scratch.write { tx in
          _ = try tx.insertFilter(
            filter("f", scope), accountID: accountID, userID: userID, folderID: nil, groupFolderID: nil)
        }
        Issue.record("stored a \(scope) filter without its owner")
      } catch let error as EspoMailError {
        #expect(error.status == .dataError)
      }
    }
    #expect(try scratch.read { try $0.filters() }.isEmpty)
  }

  @Test("a deleted filter is gone, and its name free again")
  func deleteFilter() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try tx.insertFilter(
        filter("Spam", .global), accountID: nil, userID: nil, folderID: nil, groupFolderID: nil)
      try tx.deleteFilter(id: id)
      #expect(try tx.filters().isEmpty)
      _ = try tx.insertFilter(filter("Spam", .global), accountID: nil, userID: nil, folderID: nil, groupFolderID: nil)
    }
  }

  @Test("what filters see of a stored email: From, To and Cc (not Bcc), subject and both bodies")
  func filterSubjectOfStoredEmail() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      var email = StoreSamples.email(
        "a@x", subject: "Weekly", from: "news@letters.example", to: ["alice@example.com"], cc: ["team@example.com"],
        body: "plain")
      email.bcc = [EmailParty(name: nil, address: "hidden@example.com")]
      email.bodyHTML = "<p>html</p>"
      let id = try tx.insertEmail(email)
      let subject = try #require(try tx.filterSubject(emailID: id))
      #expect(subject.from == "news@letters.example")
      #expect(subject.recipients.sorted() == ["alice@example.com", "team@example.com"])
      #expect(subject.subject == "Weekly")
      #expect(subject.bodies == ["plain", "<p>html</p>"])
      #expect(try tx.filterSubject(emailID: id + 1) == nil)
    }
  }
}
