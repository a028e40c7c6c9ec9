import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

/// Filters, folders and per-user state with mail fetched from a real Dovecot.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct FilterTests {
  private func lab() throws -> (MailLab, String) {
    let lab = try MailLab()
    try lab.store.json(["team", "add", "Support"])
    try lab.store.json(["user", "add", "alice", "--email", "alice@example.com", "--team", "Support"])
    try lab.store.json(["user", "add", "bob", "--email", "bob@example.com", "--team", "Support"])
    try lab.store.grantOwnMail("alice", "bob")
    let box = try lab.mailbox("support")
    #expect(lab.addAccount("support", mailbox: box, extra: ["--team", "Support"]).status == 0)
    return (lab, box)
  }

  private func subjects(_ lab: MailLab, _ arguments: [String] = [], as login: String? = nil) throws -> [String] {
    try lab.store.json(["email", "list"] + arguments, as: login).array().compactMap { $0["subject"] as? String }.sorted()
  }

  @Test func aGlobalSkipNeverImportsNorMarksSeen() throws {
    let (lab, box) = try lab()
    try lab.store.json(["filter", "create", "no-spam", "--global", "--from", "*@spam.example", "--action", "skip"])
    try lab.dovecot.deliver(
      [SampleMessage.make(from: "win@SPAM.example", subject: "Prize"), SampleMessage.make(subject: "Real")], to: box)
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["skipped"] as? Int == 1)
    #expect(run.accounts["support"]?["new"] as? Int == 1)
    #expect(try subjects(lab) == ["Real"])
    let session = try IMAPClient(
      connecting: IMAPEndpoint(
        host: "127.0.0.1", port: lab.dovecot.port, security: .none, username: box, credential: .password("pw-\(box)")))
    defer { session.logout() }
    _ = try session.examine("INBOX")
    let flags = try session.fetchHeaders(uids: [1, 2]).map { $0.flags.contains("\\Seen") }
    #expect(flags == [false, true])  // the skipped one untouched, the imported one seen
    #expect(try lab.fetch().accounts["support"]?["skipped"] as? Int == 0)  // settled once
    let status = try lab.store.json(["account", "status", "support"]).array()
    #expect((status.first?["ledger"] as? [String: Int])?["skipped"] == 1)
  }

  @Test func bodyAndAccountFiltersAndGroupFolders() throws {
    let (lab, box) = try lab()
    try lab.store.json(["team", "add", "Billing"])
    try lab.store.json(["user", "add", "carol", "--team", "Billing"])
    try lab.store.grantOwnMail("carol")
    try lab.store.json(["group-folder", "add", "Invoices", "--team", "Billing"])
    try lab.store.json([
      "filter", "create", "unsubscribe", "--account", "support", "--body-contains", "UNSUBSCRIBE", "--action", "skip",
    ])
    try lab.store.json([
      "filter", "create", "invoices", "--account", "support", "--subject", "invoice*", "--action",
      "move-to-group-folder", "--folder", "Invoices",
    ])
    try lab.dovecot.deliver(
      [
        SampleMessage.make(subject: "Deals", body: "Click to unsubscribe.\n"),
        SampleMessage.make(subject: "Invoice 7"), SampleMessage.make(subject: "Help"),
      ], to: box)
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["skipped"] as? Int == 1)
    #expect(try subjects(lab) == ["Help", "Invoice 7"])
    #expect(try subjects(lab, as: "carol") == ["Invoice 7"])  // the folder's team got it
    let invoice = try #require(try lab.store.json(["email", "list", "--search", "Invoice"]).array().first?["id"] as? Int)
    let explanation = try lab.store.json(["explain", "\(invoice)"]).object()
    #expect((explanation["decisions"] as? [[String: Any]])?.contains { $0["outcome"] as? String == "invoices" } == true)
  }

  @Test func userFiltersActForTheirUserOnly() throws {
    let (lab, box) = try lab()
    try lab.store.json(["folder", "add", "News"], as: "alice")
    try lab.store.json([
      "filter", "create", "alice-news", "--user", "alice", "--subject", "*digest*", "--action", "move-to-folder",
      "--folder", "News", "--mark-read", "--skip-notification",
    ], as: "alice")
    try lab.store.json(["filter", "create", "bob-bin", "--user", "bob", "--subject", "*digest*", "--action", "skip"], as: "bob")
    try lab.dovecot.deliver(
      SampleMessage.make(
        to: "alice@example.com, bob@example.com", subject: "Weekly Digest", date: SampleMessage.date()), to: box)
    _ = try lab.fetch()
    let alices = try lab.store.json(["email", "list", "--folder", "News"], as: "alice").array()
    #expect(alices.count == 1)
    #expect(alices.first?["isRead"] as? Bool == true)
    #expect(try subjects(lab, ["--folder", "inbox"], as: "alice").isEmpty)
    #expect(try subjects(lab, ["--folder", "trash"], as: "bob") == ["Weekly Digest"])
    #expect(try lab.store.json(["notification", "list"], as: "alice").array().isEmpty)
    #expect(try lab.store.json(["notification", "list"], as: "bob").array().isEmpty)  // in the trash
    #expect(lab.store.run(["filter", "show", "bob-bin"], as: "alice").status == 77)
    #expect(try lab.store.json(["filter", "list"], as: "alice").array().map { $0["name"] as? String } == ["alice-news"])
  }

  @Test func filterTestValidationAndShadowing() throws {
    let (lab, box) = try lab()
    try lab.store.json(["filter", "create", "acme", "--account", "support", "--from", "*@acme.example", "--action", "skip"])
    let shadowed = lab.store.run([
      "filter", "create", "acme-hi", "--account", "support", "--from", "*@acme.example", "--subject", "Hi", "--action", "skip",
    ])
    #expect(shadowed.status == 0)
    #expect(shadowed.stderr.contains("'acme' runs first"))
    #expect(lab.store.run(["filter", "create", "empty", "--global", "--action", "skip"]).status == 65)
    #expect(lab.store.run(["filter", "create", "x", "--global", "--from", "Jane Roe", "--action", "skip"]).status == 65)
    #expect(lab.store.run(["filter", "create", "x", "--global", "--from", "a@b.c", "--action", "none"]).status == 65)
    #expect(lab.store.run(["filter", "create", "x", "--user", "alice", "--from", "a@b.c", "--action", "move-to-folder", "--folder", "Nope"]).status == 66)
    #expect(lab.store.run(["filter", "create", "x", "--global", "--user", "alice", "--from", "a@b.c", "--action", "skip"]).status == 64)
    #expect(lab.store.run(["filter", "create", "x", "--global", "--from", "a@b.c", "--action", "skip"], as: "alice").status == 77)
    #expect(lab.store.run(["filter", "create", "acme", "--global", "--from", "a@b.c", "--action", "skip"]).status == 65)
    try lab.dovecot.deliver(SampleMessage.make(from: "boss@other.example", subject: "Stored"), to: box)
    _ = try lab.fetch()
    let stored = try #require(try lab.store.json(["email", "list"]).array().first?["id"] as? Int)
    let miss = try lab.store.json(["filter", "test", "acme", "--email", "\(stored)"]).object()
    #expect(miss["matches"] as? Bool == false)
    let file = lab.store.directory.file("t.eml")
    try Data(SampleMessage.make(from: "ceo@ACME.example", subject: "Hi")).write(to: URL(fileURLWithPath: file))
    let hit = try lab.store.json(["filter", "test", "acme", "--file", file]).object()
    #expect(hit["matches"] as? Bool == true)
    #expect(hit["matchesOnHeaders"] as? Bool == true)
    #expect((hit["reason"] as? String)?.contains("ceo@ACME.example") == true)
    try lab.store.json(["filter", "remove", "acme-hi"])
    #expect(try lab.store.json(["filter", "list"]).array().count == 1)
  }

  @Test func perUserStateAndDelete() throws {
    let (lab, box) = try lab()
    try lab.dovecot.deliver(SampleMessage.make(subject: "Shared"), to: box)
    _ = try lab.fetch()
    let id = try #require(try lab.store.json(["email", "list"]).array().first?["id"] as? Int)
    try lab.store.json(["email", "read", "\(id)"], as: "alice")
    try lab.store.json(["email", "trash", "\(id)"], as: "alice")
    #expect(try subjects(lab, ["--folder", "trash"], as: "alice") == ["Shared"])
    #expect(try subjects(lab, ["--folder", "inbox"], as: "bob") == ["Shared"])  // bob unaffected
    #expect(try lab.store.json(["email", "list"], as: "bob").array().first?["isRead"] as? Bool == false)
    try lab.store.json(["email", "restore", "\(id)"], as: "alice")
    try lab.store.json(["folder", "add", "Keep"], as: "alice")
    try lab.store.json(["email", "move", "\(id)", "Keep"], as: "alice")
    #expect(try subjects(lab, ["--folder", "Keep"], as: "alice") == ["Shared"])
    try lab.store.json(["email", "archive", "\(id)"], as: "alice")
    #expect(try subjects(lab, ["--folder", "archive"], as: "alice") == ["Shared"])
    try lab.store.json(["email", "important", "\(id)"], as: "bob")
    #expect(try subjects(lab, ["--folder", "important"], as: "bob") == ["Shared"])
    #expect(lab.store.run(["email", "move", "\(id)", "Nowhere"], as: "bob").status == 66)
    #expect(lab.store.run(["email", "delete", "\(id)"], as: "bob").status == 64)  // needs --yes
    #expect(lab.store.run(["email", "delete", "\(id)", "--yes"], as: "bob").status == 77)  // no delete right
    try lab.store.json(["email", "delete", "\(id)", "--yes"])
    #expect(try lab.store.json(["email", "list"]).array().isEmpty)
    #expect(try lab.fetch().accounts["support"]?["new"] as? Int == 0)  // not fetched again
  }

  @Test func markingAWholeFolderReadTouchesThatFolderAndUserOnly() throws {
    let (lab, box) = try lab()
    try lab.dovecot.deliver((1...4).map { SampleMessage.make(subject: "Note \($0)") }, to: box)
    _ = try lab.fetch()
    let ids = try lab.store.json(["email", "list"], as: "alice").array().compactMap { $0["id"] as? Int }.sorted()
    #expect(ids.count == 4)
    try lab.store.json(["folder", "add", "Keep"], as: "alice")
    try lab.store.json(["email", "move", "\(ids[0])", "Keep"], as: "alice")
    try lab.store.json(["email", "read", "\(ids[1])"], as: "alice")
    func unread(_ folder: String, as login: String) throws -> Int {
      try lab.store.json(["email", "list", "--folder", folder], as: login).array().filter { $0["isRead"] as? Bool == false }.count
    }
    #expect(try unread("inbox", as: "alice") == 2)
    let marked = try lab.store.json(["email", "read", "--folder", "inbox"], as: "alice").object()
    #expect(marked["marked"] as? Int == 2 && marked["folder"] as? String == "inbox")
    #expect(try unread("inbox", as: "alice") == 0)
    #expect(try unread("Keep", as: "alice") == 1)  // another folder is untouched
    #expect(try unread("inbox", as: "bob") == 4)  // and so is everyone else
    #expect(try lab.store.json(["email", "read", "--folder", "inbox"], as: "alice").object()["marked"] as? Int == 0)
    #expect(try lab.store.json(["email", "read", "--folder", "Keep"], as: "alice").object()["marked"] as? Int == 1)
    #expect(lab.store.run(["email", "read", "--folder", "Nowhere"], as: "alice").status == 66)
    #expect(lab.store.run(["email", "read"], as: "alice").status == 64)
    #expect(lab.store.run(["email", "read", "\(ids[2])", "--folder", "inbox"], as: "alice").status == 64)
  }
}
