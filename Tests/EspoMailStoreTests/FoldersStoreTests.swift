import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Personal and group folders, and each user's flags on an email (`Transaction+Folders`).
@Suite struct FoldersStoreTests {
  @Test("personal folder names are unique per user without case; another user may reuse one")
  func personalFolderNames() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let news = try tx.insertFolder(userID: alice, name: "News", skipNotifications: true)
      _ = try tx.insertFolder(userID: alice, name: "Archive 2026", skipNotifications: false)
      #expect(throws: EspoMailError.self) { try tx.insertFolder(userID: alice, name: "news", skipNotifications: false) }
      let bobs = try tx.insertFolder(userID: bob, name: "news", skipNotifications: false)
      #expect(try tx.folderID(userID: alice, name: "NEWS") == news)
      #expect(try tx.folderID(userID: bob, name: "News") == bobs)
      #expect(
        try tx.folders(userID: alice).map(\.name) == ["Archive 2026", "News"])
      let shown = try #require(try tx.folders(userID: alice).last)
      #expect(
        (shown.id, shown.name, shown.owner, shown.teams, shown.skipNotifications) == (news, "News", "alice", [], true))
      #expect(try tx.folderSkipsNotifications(id: news))
      #expect(try !tx.folderSkipsNotifications(id: bobs))
      #expect(try !tx.folderSkipsNotifications(id: 999))
    }
  }

  @Test("group folders: unique names, their teams listed by name")
  func groupFolders() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let support = try tx.seedTeam("Support")
      let billing = try tx.seedTeam("Billing")
      let id = try tx.insertGroupFolder(name: "Invoices", teamIDs: [support, billing])
      _ = try tx.insertGroupFolder(name: "Alerts", teamIDs: [])
      #expect(throws: EspoMailError.self) { try tx.insertGroupFolder(name: "invoices", teamIDs: []) }
      #expect(try tx.groupFolderID(name: "INVOICES") == id)
      let folders = try tx.groupFolders()
      #expect(folders.map(\.name) == ["Alerts", "Invoices"])
      #expect(folders.map(\.id) == [id + 1, id])
      #expect(folders.map(\.teams) == [[], ["Billing", "Support"]])
      #expect(folders.allSatisfy { $0.owner == nil && !$0.skipNotifications })
    }
  }

  @Test("filing in a group folder gives the email to the folder's teams and their active members, once")
  func fileInGroupFolder() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let old = try tx.seedUser("old", active: false)
      let support = try tx.seedTeam("Support", members: [alice, bob, old])
      let billing = try tx.seedTeam("Billing", members: [alice])
      let folder = try tx.insertGroupFolder(name: "Invoices", teamIDs: [support, billing])
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.addEmailUsers(emailID: email, userIDs: [bob])
      #expect(try tx.fileInGroupFolder(emailID: email, folderID: folder) == [alice])
      #expect(try Set(tx.emailTeamIDs(emailID: email)) == [support, billing])
      #expect(try tx.emailUserIDs(emailID: email).sorted() == [alice, bob])
    }
  }

  @Test("flags are per user, and false for a user without the email")
  func flagsArePerUser() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.addEmailUsers(emailID: email, userIDs: [alice, bob])
      #expect(try tx.setFlag(.read, true, emailID: email, userID: alice))
      #expect(try tx.emailDetail(id: email, viewerID: alice)?.summary.isRead == true)
      #expect(try tx.emailDetail(id: email, viewerID: bob)?.summary.isRead == false)
      let carol = try tx.seedUser("carol")
      #expect(try !tx.setFlag(.read, true, emailID: email, userID: carol))
      #expect(try !tx.moveToFolder(emailID: email, userID: carol, folderID: nil))
      #expect(try !tx.archive(emailID: email, userID: carol))
    }
  }

  @Test("moving to a folder takes the email out of trash and archive; archiving takes it out of the folder")
  func moveAndArchive() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let folder = try tx.insertFolder(userID: alice, name: "Projects", skipNotifications: false)
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      try tx.addEmailUsers(emailID: email, userIDs: [alice])
      func place() throws -> String? { try tx.emailDetail(id: email, viewerID: alice)?.summary.folder }
      try tx.setFlag(.trash, true, emailID: email, userID: alice)
      #expect(try place() == "trash")
      try tx.moveToFolder(emailID: email, userID: alice, folderID: folder)
      #expect(try place() == "Projects")
      try tx.archive(emailID: email, userID: alice)
      #expect(try place() == "archive")
      try tx.moveToFolder(emailID: email, userID: alice, folderID: nil)
      #expect(try place() == "inbox")
    }
  }

  @Test("deleting an email removes it and its stream notes for everyone")
  func deleteEmail() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let acme = try tx.seedRecord(.account, "Acme")
      let email = try tx.insertEmail(StoreSamples.email("a@x", parent: acme))
      let kept = try tx.insertEmail(StoreSamples.email("b@x", parent: acme))
      try tx.addEmailUsers(emailID: email, userIDs: [alice])
      try tx.addNote(acme, kind: .emailReceived, emailID: email)
      try tx.addNote(acme, kind: .emailReceived, emailID: kept)
      try tx.deleteEmail(id: email)
      #expect(try tx.emailDetail(id: email, viewerID: alice) == nil)
      #expect(try tx.emailUserIDs(emailID: email) == [])
      #expect(try tx.notes(acme).map(\.emailID) == [kept])
    }
  }
}
