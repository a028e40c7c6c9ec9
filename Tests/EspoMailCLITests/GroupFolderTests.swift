import EspoMailTestSupport
import Foundation
import Testing

/// Group folders a team works in, an account's default group folder, `--no-add-all-team-users`,
/// users' default teams and personal folder maps, with mail fetched from a real Dovecot.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct GroupFolderTests {
  /// Support (alice, bob) reads the support account; Billing (carol) works in group folder
  /// Invoices; dave is in no team. Everyone may read and edit their own mail.
  private func lab() throws -> (MailLab, String) {
    let lab = try MailLab()
    for team in ["Support", "Billing"] { try lab.store.json(["team", "add", team]) }
    try lab.store.json(["user", "add", "alice", "--email", "alice@example.com", "--team", "Support"])
    try lab.store.json(["user", "add", "bob", "--email", "bob@example.com", "--team", "Support"])
    try lab.store.json(["user", "add", "carol", "--team", "Billing"])
    try lab.store.json(["user", "add", "dave"])
    try lab.store.grantOwnMail("alice", "bob", "carol", "dave")
    try lab.store.json(["group-folder", "add", "Invoices", "--team", "Billing"])
    let box = try lab.mailbox("support")
    #expect(lab.addAccount("support", mailbox: box, extra: ["--team", "Support"]).status == 0)
    return (lab, box)
  }

  private func subjects(_ lab: MailLab, _ arguments: [String], as login: String) throws -> [String] {
    try lab.store.json(["email", "list"] + arguments, as: login).array().compactMap { $0["subject"] as? String }.sorted()
  }

  @Test func anAccountsGroupFolderIsWorkedByItsTeam() throws {
    let (lab, box) = try lab()
    let set = try lab.store.json(["account", "set", "support", "--group-folder", "Invoices"]).object()
    #expect(set["groupFolder"] as? String == "Invoices")
    try lab.dovecot.deliver(SampleMessage.make(subject: "Invoice 7"), to: box)
    #expect(try lab.fetch().status == 0)
    #expect(try subjects(lab, ["--group-folder", "Invoices"], as: "carol") == ["Invoice 7"])
    #expect(try subjects(lab, ["--folder", "inbox"], as: "carol") == [])  // worked in the folder
    #expect(try subjects(lab, ["--folder", "inbox"], as: "alice") == ["Invoice 7"])  // not her folder
    let denied = lab.store.run(["email", "list", "--group-folder", "Invoices"], as: "dave")
    #expect(denied.status == 77)
    #expect(denied.stderr.contains("shared with none of your teams"))
    let id = try #require(try lab.store.json(["email", "list"], as: "carol").array().first?["id"] as? Int)
    let explanation = try lab.store.json(["explain", "\(id)"]).object()
    #expect(
      (explanation["decisions"] as? [[String: Any]])?.contains { $0["outcome"] as? String == "group folder Invoices" } == true)

    // Trash and archive are the team's: everyone who works in the folder sees it there.
    let trashed = try lab.store.json(["email", "trash", "\(id)"], as: "carol").object()
    #expect(trashed["groupFolderStatus"] as? String == "trash")
    #expect(try subjects(lab, ["--group-folder", "Invoices"], as: "carol") == [])
    #expect(try subjects(lab, ["--group-folder", "Invoices", "--folder", "trash"], as: "carol") == ["Invoice 7"])
    #expect(try subjects(lab, ["--folder", "inbox"], as: "alice") == ["Invoice 7"])  // her own view is hers
    #expect(lab.store.run(["email", "list", "--group-folder", "Invoices", "--folder", "sent"], as: "carol").status == 65)
    try lab.store.json(["email", "restore", "\(id)"], as: "carol")
    try lab.store.json(["email", "archive", "\(id)"], as: "carol")
    #expect(try subjects(lab, ["--group-folder", "Invoices", "--folder", "archive"], as: "carol") == ["Invoice 7"])

    // Out of the folder and back in: only for those who work in it.
    let out = try lab.store.json(["email", "move", "\(id)", "inbox"], as: "carol").object()
    #expect(out["groupFolder"] is NSNull)
    #expect(try subjects(lab, ["--folder", "inbox"], as: "carol") == ["Invoice 7"])
    let refused = lab.store.run(["email", "move", "\(id)", "--group-folder", "Invoices"], as: "alice")
    #expect(refused.status == 77)
    let back = try lab.store.json(["email", "move", "\(id)", "--group-folder", "Invoices"], as: "carol").object()
    #expect(back["groupFolder"] as? String == "Invoices")
    #expect(back["groupFolderStatus"] is NSNull)
    #expect(try subjects(lab, ["--group-folder", "Invoices"], as: "carol") == ["Invoice 7"])
  }

  @Test func teamMembersCanBeLeftOutOfTheInbox() throws {
    let (lab, box) = try lab()
    try lab.store.json(["role", "create", "TeamMail"])
    try lab.store.json(["role", "set", "TeamMail", "email.read=team"])
    try lab.store.json(["user", "role", "add", "bob", "TeamMail"])
    let set = try lab.store.json(["account", "set", "support", "--no-add-all-team-users"]).object()
    #expect(set["addAllTeamUsers"] as? Bool == false)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Teams only"), to: box)
    #expect(try lab.fetch().status == 0)
    #expect(try subjects(lab, [], as: "alice") == [])  // own mail only, and not given it
    #expect(try subjects(lab, [], as: "bob") == ["Teams only"])  // the team sees it
    let email = try #require(try lab.store.json(["email", "list"], as: "bob").array().first)
    #expect(email["users"] as? [String] == [])
    let explanation = try lab.store.json(["explain", "\(try #require(email["id"] as? Int))"]).object()
    #expect((explanation["decisions"] as? [[String: Any]])?.contains { $0["outcome"] as? String == "teams only" } == true)
    #expect(lab.store.run(["account", "set", "support", "--group-folder", "Nope"]).status == 66)
  }

  @Test func personalAccountsFileFoldersAndTakeTheOwnersDefaultTeam() throws {
    let (lab, _) = try lab()
    try lab.store.json(["role", "create", "TeamMail"])
    try lab.store.json(["role", "set", "TeamMail", "email.read=team"])
    try lab.store.json(["user", "role", "add", "bob", "TeamMail"])
    let box = try lab.mailbox("alice")
    #expect(
      lab.addAccount("alice-mail", mailbox: box, kind: ["--personal", "--owner", "alice"], extra: ["--folder", "INBOX", "--folder", "Lists"])
        .status == 0)
    try lab.store.json(["folder", "add", "Newsletters", "--user", "alice"])
    let mapped = try lab.store.json(["account", "set", "alice-mail", "--folder-map", "Lists=Newsletters"]).object()
    #expect(mapped["folderMap"] as? [String: String] == ["Lists": "Newsletters"])
    #expect(lab.store.run(["account", "set", "alice-mail", "--folder-map", "Spam=Newsletters"]).status == 65)
    #expect(lab.store.run(["account", "set", "alice-mail", "--folder-map", "Lists=Nope"]).status == 66)
    #expect(lab.store.run(["account", "set", "support", "--folder-map", "INBOX=Newsletters"]).status == 65)
    #expect(lab.store.run(["user", "set", "alice", "--default-team", "Billing"]).status == 65)
    let alice = try lab.store.json(["user", "set", "alice", "--default-team", "Support"]).object()
    #expect(alice["defaultTeam"] as? String == "Support")
    try lab.dovecot.deliver(SampleMessage.make(to: "alice@example.com", subject: "Weekly news"), to: box, folder: "Lists")
    try lab.dovecot.deliver(SampleMessage.make(to: "alice@example.com", subject: "Lunch?"), to: box)
    #expect(try lab.fetch().status == 0)
    #expect(try subjects(lab, ["--folder", "Newsletters"], as: "alice") == ["Weekly news"])
    #expect(try subjects(lab, ["--folder", "inbox"], as: "alice") == ["Lunch?"])
    #expect(try subjects(lab, [], as: "bob") == ["Lunch?", "Weekly news"])  // through alice's default team
    // Leaving the team clears it as her default.
    try lab.store.json(["team", "member", "remove", "Support", "alice"])
    #expect(try lab.store.json(["user", "show", "alice"]).object()["defaultTeam"] is NSNull)
    // A user added with a default team joins it, listed with --team or not.
    let dora = try lab.store.json(["user", "add", "dora", "--default-team", "support"]).object()
    #expect(dora["defaultTeam"] as? String == "Support" && dora["teams"] as? [String] == ["Support"])
    #expect(lab.store.run(["user", "add", "eve", "--default-team", "Nope"]).status == 66)
    #expect(lab.store.run(["user", "show", "eve"]).status == 66)  // nothing half-made
  }
}
