import EspoMailMIME
import EspoMailTestSupport
import Foundation
import Testing

/// Notifications by email and notices of failing accounts, through the binary: mail fetched from
/// a real Dovecot, notification mail sent through the system sender to a real SMTP sink.
@Suite(.enabled(if: DovecotServer.shouldRun && SMTPSink.shouldRun)) struct NotificationMailTests {
  /// A lab whose group account `support` (SMTP to the sink) is the system sender, a CRM account
  /// Acme (info@acme.example), and users reader (reads all mail), blind (own mail only) and quiet
  /// (reads all mail, no email notifications), each following account:1.
  private func lab() throws -> (MailLab, String, SMTPSink) {
    let lab = try MailLab()
    let store = lab.store
    let box = try lab.mailbox("support")
    let sink = try SMTPSink.start(users: [box: "pw-\(box)"])
    let smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none"]
    #expect(lab.addAccount("support", mailbox: box, extra: smtp).status == 0)
    try store.json(["outbound", "set-default", "support"])
    try store.json(["crm", "account", "add", "Acme", "--email", "info@acme.example"])
    try store.json(["role", "create", "AllMail"])
    try store.json(["role", "set", "AllMail", "email.read=all", "account.read=all", "case.read=all"])
    try store.json(["role", "create", "OwnMail"])
    try store.json(["role", "set", "OwnMail", "email.read=own", "account.read=all", "case.read=own"])
    for (login, role) in [("reader", "AllMail"), ("blind", "OwnMail"), ("quiet", "AllMail")] {
      try store.json(["user", "add", login, "--email", "\(login)@example.com"])
      try store.json(["user", "role", "add", login, role])
      try store.json(["follow", "account:1", "--user", login])
    }
    return (lab, box, sink)
  }

  /// The sink's messages once a little time has passed for stragglers.
  private func settled(_ sink: SMTPSink, expecting count: Int) throws -> [DeliveredMessage] {
    if count > 0 { _ = try sink.waitForMessages(count: count) }
    Thread.sleep(forTimeInterval: 0.3)
    return try sink.messages()
  }

  @Test func followedRecordMailGoesOnceToWhoMayReadItAndMarkedAutomatic() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    let store = lab.store
    for login in ["reader", "blind"] {
      let set = try store.json(["notification", "preferences", "--email", "followed"], as: login).object()
      #expect(set["email"] as? [String] == ["followed"] && set["login"] as? String == login)
    }
    #expect(try store.json(["notification", "preferences"], as: "quiet").object()["email"] as? [String] == [])
    try lab.dovecot.deliver(
      [SampleMessage.make(from: "Acme Info <info@acme.example>", subject: "Fresh order", date: SampleMessage.date())], to: box)
    let run = try lab.fetch()
    #expect(run.status == 0, "\(run.result.stderr)")
    // reader may read it and asked; blind asked but may not read it; quiet reads it but did not ask.
    let mailed = try settled(sink, expecting: 1)
    #expect(mailed.count == 1)
    let message = try #require(mailed.first)
    #expect(message.recipients == ["reader@example.com"])
    #expect(message.mailFrom == "\(box)@example.com")
    let parsed = try MessageParser.parse(message.bytes)
    #expect(parsed.header("Auto-Submitted") == "auto-generated")
    #expect(parsed.subject.contains("Fresh order") && parsed.subject.contains("account:1"))
    #expect(parsed.textBody?.contains("espomail email show") == true)
    // Mailed once: later runs, with nothing new, send nothing more.
    _ = try lab.fetch()
    #expect(try settled(sink, expecting: 0).count == 1)
    let outbox = try store.json(["outbox", "list"]).array().filter { $0["kind"] as? String == "notification" }
    #expect(outbox.map { $0["status"] as? String } == ["sent"])
    // Turning them off: the next email on account:1 mails nobody.
    try store.json(["notification", "preferences", "--email", "none"], as: "reader")
    try lab.dovecot.deliver(
      [SampleMessage.make(from: "info@acme.example", subject: "Second order", date: SampleMessage.date())], to: box)
    _ = try lab.fetch()
    #expect(try settled(sink, expecting: 0).count == 1)
    #expect(try store.json(["notification", "list"], as: "reader").array().count == 2)
    // A topic that does not exist is refused with the accepted words.
    let wrong = store.run(["notification", "preferences", "--email", "followed,everything"], as: "reader")
    #expect(wrong.status == 64 && wrong.stderr.contains("followed,assigned,case-mail|none"), "\(wrong.stderr)")
  }

  @Test func caseAssignmentAndCaseMailAreMailedWithTheCaseAddressToReplyTo() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    let store = lab.store
    try store.json(["account", "set", "support", "--create-case", "--distribution", "none"])
    try store.json(["notification", "preferences", "--email", "assigned,case-mail"], as: "reader")
    try lab.dovecot.deliver(
      [SampleMessage.make(id: "fire@acme.example", from: "jane@acme.example", subject: "Printer on fire", date: SampleMessage.date())], to: box)
    _ = try lab.fetch()
    #expect(try settled(sink, expecting: 0).isEmpty)
    let assigned = store.run(["case", "assign", "1", "reader"])
    #expect(assigned.status == 0, "\(assigned.stderr)")
    let first = try #require(try settled(sink, expecting: 1).first)
    #expect(first.recipients == ["reader@example.com"])
    let parsed = try MessageParser.parse(first.bytes)
    #expect(parsed.subject.contains("Case #1 assigned to you"))
    #expect(parsed.replyTo.map(\.address) == ["\(box)@example.com"])
    #expect(parsed.messageID?.hasPrefix("<espomail.case.1.") == true)
    // reader follows the case: the customer's next email in its thread is case mail.
    try store.json(["follow", "case:1", "--user", "reader"])
    try lab.dovecot.deliver(
      [
        SampleMessage.make(
          from: "jane@acme.example", subject: "Re: Printer on fire, still burning", date: SampleMessage.date(),
          headers: ["In-Reply-To: <fire@acme.example>"])
      ], to: box)
    _ = try lab.fetch()
    let all = try settled(sink, expecting: 2)
    #expect(all.count == 2)
    let caseMail = try MessageParser.parse(try #require(all.last).bytes)
    #expect(caseMail.subject.contains("still burning") && caseMail.subject.contains("case:1"))
  }

  @Test func failingAccountsAreToldOncePerStreakToAdminsAndTheOwner() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    let store = lab.store
    try store.json(["user", "email", "add", "root", "root@example.com"])
    try store.json(["user", "add", "bob", "--email", "bob@example.com"])
    let bobBox = try lab.mailbox("bob")
    #expect(lab.addAccount("bob-mail", mailbox: bobBox, kind: ["--personal", "--owner", "bob"], password: "wrong").status == 0)
    try store.json(["setting", "set", "account-failure-notice", "2"])
    #expect(try lab.fetch().status != 0)
    #expect(try settled(sink, expecting: 0).isEmpty)  // one failure: not yet a streak
    _ = try lab.fetch()
    let notices = try settled(sink, expecting: 2)
    #expect(Set(notices.flatMap(\.recipients)) == ["root@example.com", "bob@example.com"])
    let parsed = try MessageParser.parse(try #require(notices.first).bytes)
    #expect(parsed.subject.contains("'bob-mail' keeps failing (2 fetches in a row)"))
    #expect(parsed.header("Auto-Submitted") == "auto-generated")
    #expect(parsed.textBody?.contains("espomail account test bob-mail") == true)
    _ = try lab.fetch()
    #expect(try settled(sink, expecting: 0).count == 2)  // once per streak
    // A success ends the streak; the next streak is told again.
    #expect(store.run(["account", "set", "bob-mail", "--password-stdin"], stdin: "pw-\(bobBox)\n").status == 0)
    #expect(try lab.fetch().status == 0)
    #expect(store.run(["account", "set", "bob-mail", "--password-stdin"], stdin: "wrong\n").status == 0)
    _ = try lab.fetch()
    _ = try lab.fetch()
    #expect(try settled(sink, expecting: 4).count == 4)
    // 0 turns the notice off.
    try store.json(["setting", "set", "account-failure-notice", "0"])
    #expect(store.run(["account", "set", "bob-mail", "--password-stdin"], stdin: "pw-\(bobBox)\n").status == 0)
    _ = try lab.fetch()
    #expect(store.run(["account", "set", "bob-mail", "--password-stdin"], stdin: "wrong\n").status == 0)
    for _ in 0..<3 { _ = try lab.fetch() }
    #expect(try settled(sink, expecting: 0).count == 4)
  }
}
