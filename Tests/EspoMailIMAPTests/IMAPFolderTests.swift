import EspoMailCore
import EspoMailIMAP
import EspoMailTestSupport
import Testing

@Suite(.enabled(if: DovecotServer.shouldRun), .dovecot)
struct IMAPFolderTests {
  @Test func listsFoldersWithDecodedNames() throws {
    let account = try TestAccount.make()
    for name in ["Entwürfe", "日本語", "Tom & Jerry", "Archiv.2024"] {
      try account.server.createFolder(name, for: account.user)
    }
    let session = try account.session()
    defer { session.logout() }
    let folders = try session.listFolders()
    let byName = Dictionary(uniqueKeysWithValues: folders.map { ($0.name, $0) })
    #expect(Set(byName.keys) == ["INBOX", "Entwürfe", "日本語", "Tom & Jerry", "Archiv", "Archiv.2024"])
    #expect(byName["Entwürfe"]?.rawName == "Entw&APw-rfe")
    #expect(byName["日本語"]?.rawName == "&ZeVnLIqe-")
    #expect(byName["Tom & Jerry"]?.rawName == "Tom &- Jerry")
    #expect(byName["INBOX"]?.delimiter == ".")
    #expect(byName["Archiv"]?.attributes.contains("\\HasChildren") == true)
  }

  @Test func statusAndExamineReportCounters() throws {
    let account = try TestAccount.make()
    try account.server.deliver((1...3).map { TestMessages.make($0) }, to: account.user, folder: "Entwürfe")
    let session = try account.session()
    defer { session.logout() }
    let status = try session.status("Entwürfe")
    #expect(status.messages == 3)
    #expect(status.uidNext == 4)
    #expect(status.unseen == 3)
    #expect(status.uidValidity > 0)
    let examined = try session.examine("Entwürfe")
    #expect(examined == FolderStatus(messages: 3, uidNext: 4, uidValidity: status.uidValidity, unseen: nil))
    let inbox = try session.select("INBOX")
    #expect(inbox.messages == 0 && inbox.uidNext == 1)
  }

  @Test func recreatedFolderGetsNewUIDValidity() throws {
    let account = try TestAccount.make()
    try account.server.deliver(TestMessages.make(1), to: account.user, folder: "Renumbered")
    let before = try account.session().status("Renumbered")
    try account.server.deleteFolder("Renumbered", for: account.user)
    try account.server.createFolder("Renumbered", for: account.user)
    try account.server.deliver(TestMessages.make(2), to: account.user, folder: "Renumbered")
    let after = try account.session().status("Renumbered")
    #expect(after.uidValidity != before.uidValidity)
    #expect(after.messages == 1 && after.uidNext == 2)
  }

  @Test func missingFolderIsNotFound() throws {
    let account = try TestAccount.make()
    let session = try account.session()
    defer { session.logout() }
    for attempt in [{ _ = try session.status("Nirgendwo ü") }, { _ = try session.examine("Nirgendwo ü") }] {
      let error = try #require(throws: IMAPError.self) { try attempt() }
      #expect(error == .folderNotFound("Nirgendwo ü"))
      #expect(error.espoMailError.status == .notFound)
      #expect(error.espoMailError.message.contains("Nirgendwo ü"))
    }
    let appendError = try #require(throws: IMAPError.self) {
      try session.append(TestMessages.make(1), to: "Nirgendwo ü", flags: [])
    }
    #expect(appendError == .folderNotFound("Nirgendwo ü"))
    #expect(try session.status("INBOX").messages == 0, "the session is still usable")
  }
}
