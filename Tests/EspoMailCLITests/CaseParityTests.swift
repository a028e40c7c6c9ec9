import EspoMailMIME
import EspoMailTestSupport
import Foundation
import Testing

/// What a support team relies on, through the binary with mail from a real Dovecot and replies to
/// a real SMTP sink: which mail opens cases and which gets an acknowledgement, case numbers in
/// subjects, assigning mail without cases, inactive owners, and taking distribution back.
@Suite(.enabled(if: DovecotServer.shouldRun && SMTPSink.shouldRun)) struct CaseParityTests {
  /// A lab with team Support (ann, ben, cat) and group account `support` (SMTP to the sink,
  /// auto-reply with template `ack`), opening cases round-robin when `cases`.
  private func lab(cases: Bool = true) throws -> (MailLab, String, SMTPSink) {
    let lab = try MailLab()
    try lab.store.json(["team", "add", "Support"])
    for login in ["ann", "ben", "cat"] { try lab.store.json(["user", "add", login, "--name", login.capitalized, "--team", "Support"]) }
    let box = try lab.mailbox("support")
    let sink = try SMTPSink.start(users: [box: "pw-\(box)"])
    let smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none"]
    #expect(lab.addAccount("support", mailbox: box, extra: ["--team", "Support"] + smtp).status == 0)
    try lab.store.json(["template", "add", "ack", "--subject", "We got it: {email.subject}", "--body", "{user.name} has it."])
    try lab.store.json(["account", "set", "support", "--auto-reply", "--reply-template", "ack"])
    if cases {
      try lab.store.json(["account", "set", "support", "--create-case", "--distribution", "round-robin", "--case-team", "Support"])
    }
    return (lab, box, sink)
  }

  /// The id of the one email whose subject matches.
  private func emailID(_ lab: MailLab, _ subject: String) throws -> Int {
    let found = try lab.store.json(["email", "list", "--search", subject]).array()
    #expect(found.count == 1, "\(subject): \(found.count) emails")
    return try #require(found.first?["id"] as? Int)
  }

  /// An email's decision for one step, as `explain` gives it.
  private func decision(_ lab: MailLab, _ id: Int, _ step: String) throws -> (outcome: String, detail: String)? {
    let decisions = try lab.store.json(["explain", "\(id)"]).object()["decisions"] as? [[String: Any]] ?? []
    return decisions.last { $0["step"] as? String == step }.map { ($0["outcome"] as? String ?? "", $0["detail"] as? String ?? "") }
  }

  /// The sink's messages once the replies sent after a fetch have arrived.
  private func settled(_ sink: SMTPSink, expecting count: Int) throws -> [DeliveredMessage] {
    _ = try sink.waitForMessages(count: count)
    Thread.sleep(forTimeInterval: 0.3)
    return try sink.messages()
  }

  @Test func automaticMailOpensNothingListMailOpensACaseWithoutReply() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.dovecot.deliver(
      [
        SampleMessage.make(from: "away@cust.example", subject: "Away one", headers: ["X-Autoreply: yes"]),
        SampleMessage.make(from: "gone@cust.example", subject: "Away two", headers: ["X-Autorespond: I am on leave"]),
        SampleMessage.make(from: "robot@cust.example", subject: "Away three", headers: ["Auto-Submitted: auto-generated"]),
        SampleMessage.make(from: "news@cust.example", subject: "Weekly digest", headers: ["Precedence: bulk"]),
        SampleMessage.make(
          from: "Pat Person <pat@cust.example>", subject: "Group forward",
          headers: ["List-Id: Support forwarders <support-fwd.groups.example>", "Precedence: list"]),
        SampleMessage.make(from: "lee@cust.example", subject: "Listed only", headers: ["Precedence: list"]),
        SampleMessage.make(from: "exch@cust.example", subject: "Outlook OOF", headers: ["X-Auto-Response-Suppress: OOF"]),
        SampleMessage.make(from: "dr@cust.example", subject: "Outlook DR", headers: ["X-Auto-Response-Suppress: DR, RN"]),
        SampleMessage.make(from: "jo@cust.example", subject: "Plain question"),
      ], to: box)
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["new"] as? Int == 9)
    #expect(run.accounts["support"]?["casesCreated"] as? Int == 5)
    #expect(run.accounts["support"]?["autoReplies"] as? Int == 2)
    let replies = try settled(sink, expecting: 2)
    #expect(Set(replies.flatMap(\.recipients)) == ["dr@cust.example", "jo@cust.example"])
    // Automatic mail: no case, no reply; explain names the header that decided.
    for (subject, header) in [
      ("Away one", "X-Autoreply: yes"), ("Away two", "X-Autorespond: I am on leave"),
      ("Away three", "Auto-Submitted: auto-generated"), ("Weekly digest", "Precedence: bulk"),
    ] {
      let id = try emailID(lab, subject)
      let caseStep = try #require(try decision(lab, id, "case"), "\(subject)")
      #expect(caseStep.outcome == "none" && caseStep.detail.contains(header), "\(subject): \(caseStep)")
      #expect(try decision(lab, id, "auto-reply")?.detail.contains(header) == true, "\(subject)")
      #expect(try lab.store.json(["email", "show", "\(id)"]).object()["parent"] is NSNull, "\(subject)")
    }
    // A person's mail through a list, or asking for no reply: a case, no acknowledgement.
    for (subject, header) in [
      ("Group forward", "List-Id: Support forwarders"), ("Listed only", "Precedence: list"),
      ("Outlook OOF", "X-Auto-Response-Suppress: OOF"),
    ] {
      let id = try emailID(lab, subject)
      #expect(try decision(lab, id, "case")?.outcome.hasPrefix("opened #") == true, "\(subject)")
      let reply = try #require(try decision(lab, id, "auto-reply"), "\(subject)")
      #expect(reply.outcome == "suppressed" && reply.detail.contains(header), "\(subject): \(reply)")
    }
    let jo = try #require(replies.first { $0.recipients == ["jo@cust.example"] })
    let parsed = try MessageParser.parse(jo.bytes)
    #expect(parsed.subject.hasPrefix("[#") && parsed.subject.hasSuffix("] We got it: Plain question"))
  }

  @Test func onlyTheEmailThatOpenedACaseIsAcknowledged() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.dovecot.deliver(SampleMessage.make(id: "first@cust.example", from: "kim@cust.example", subject: "Printer jam"), to: box)
    _ = try lab.fetch()
    let ack = try #require(try settled(sink, expecting: 1).first)
    let parsed = try MessageParser.parse(ack.bytes)
    #expect(parsed.subject == "[#1] We got it: Printer jam")
    #expect(parsed.textBody?.contains("Ann has it.") == true)  // {user.name}: the case's assignee
    try lab.store.json(["role", "create", "TeamCases"])
    try lab.store.json(["role", "set", "TeamCases", "email.read=team", "case.read=team"])
    for login in ["ann", "ben"] { try lab.store.json(["user", "role", "add", login, "TeamCases"]) }
    try lab.store.json(["follow", "case:1"], as: "ben")
    // Kim answers the acknowledgement, then writes again naming the case with words after its number.
    try lab.dovecot.deliver(
      [
        SampleMessage.make(
          from: "kim@cust.example", subject: "Re: [#1] We got it: Printer jam", date: SampleMessage.date(),
          headers: ["In-Reply-To: \(parsed.messageID ?? "")", "References: <first@cust.example> \(parsed.messageID ?? "")"]),
        SampleMessage.make(from: "kim@cust.example", subject: "[#1 Printer jam] still jammed", date: SampleMessage.date()),
      ], to: box)
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["casesCreated"] as? Int == 0)
    #expect(run.accounts["support"]?["autoReplies"] as? Int == 0)
    #expect(try lab.store.json(["case", "show", "1"]).object()["emailCount"] as? Int == 3)
    let followUp = try emailID(lab, "still jammed")
    #expect(try decision(lab, followUp, "case")?.outcome == "threaded into #1")
    let why = try #require(try decision(lab, followUp, "auto-reply"))
    #expect(why.outcome == "suppressed" && why.detail.contains("follow-up in case #1"), "\(why)")
    // The assignee hears of both follow-ups as if following the case, and so does its follower,
    // whether the thread or only the subject's [#1] led the email there.
    for login in ["ann", "ben"] {
      let told = try lab.store.json(["notification", "list"], as: login).array().filter { $0["kind"] as? String == "note" }
      #expect(told.count == 2, "\(login): \(told)")
      #expect(told.allSatisfy { ($0["message"] as? String)?.hasPrefix("New email on case:1 from kim@cust.example") == true }, "\(login): \(told)")
    }
    let notify = try #require(try decision(lab, followUp, "notify"))
    #expect(notify.detail.contains("ann is assigned case:1") && notify.detail.contains("ben follows case:1"), "\(notify)")
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try sink.messages().count == 1)
  }

  @Test func withoutCasesOnlyTheFirstEmailOfAThreadIsAcknowledged() throws {
    let (lab, box, sink) = try lab(cases: false)
    defer { sink.stop() }
    try lab.dovecot.deliver(SampleMessage.make(id: "q1@cust.example", from: "lou@cust.example", subject: "Opening hours"), to: box)
    _ = try lab.fetch()
    let ack = try MessageParser.parse(try #require(try settled(sink, expecting: 1).first).bytes)
    #expect(ack.subject == "We got it: Opening hours")
    try lab.dovecot.deliver(
      [
        SampleMessage.make(
          from: "lou@cust.example", subject: "Re: We got it: Opening hours",
          headers: ["In-Reply-To: \(ack.messageID ?? "")", "References: <q1@cust.example> \(ack.messageID ?? "")"]),
        SampleMessage.make(from: "lou@cust.example", subject: "Parking", headers: ["In-Reply-To: <elsewhere@cust.example>"]),
      ], to: box)
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["autoReplies"] as? Int == 1)  // Parking starts a thread we know nothing of
    let replies = try settled(sink, expecting: 2)
    #expect(replies.count == 2)
    let answer = try emailID(lab, "Re: We got it")
    let why = try #require(try decision(lab, answer, "auto-reply"))
    #expect(why.outcome == "suppressed" && why.detail.contains("only the first email of a thread"), "\(why)")
  }

  @Test func caseNumbersInSubjectsAndUnknownNumbers() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.dovecot.deliver(SampleMessage.make(from: "val@cust.example", subject: "Login fails"), to: box)
    _ = try lab.fetch(["--all", "--no-auto-reply"])
    try lab.dovecot.deliver(
      [
        SampleMessage.make(from: "val@cust.example", subject: "Re: [#1 Login fails] more detail"),
        SampleMessage.make(from: "val@cust.example", subject: "About [#99] from your old system"),
      ], to: box)
    let run = try lab.fetch(["--all", "--no-auto-reply"])
    #expect(run.accounts["support"]?["casesCreated"] as? Int == 1)
    #expect(try lab.store.json(["case", "show", "1"]).object()["emailCount"] as? Int == 2)
    // [#99] names no case: the email is a new thread, and a case opens for it (decided and documented).
    let unknown = try emailID(lab, "old system")
    let ignored = try #require(try decision(lab, unknown, "case"))
    #expect(ignored.outcome.hasPrefix("opened #"))
    let decisions = try lab.store.json(["explain", "\(unknown)"]).object()["decisions"] as? [[String: Any]] ?? []
    #expect(decisions.contains { $0["outcome"] as? String == "ignored [#99]" && ($0["detail"] as? String)?.contains("there is no case #99") == true })
    #expect(lab.store.run(["case", "show", "99"]).status == 66)
  }

  @Test func assignToOnAnAccountWithoutCasesAssignsItsMail() throws {
    let (lab, box, sink) = try lab(cases: false)
    defer { sink.stop() }
    try lab.store.json(["user", "add", "dee", "--name", "Dee"])  // not in the team: only the assignment gives her mail
    try lab.store.grantOwnMail("dee")
    try lab.store.json(["user", "add", "zed", "--inactive"])
    #expect(lab.store.run(["account", "set", "support", "--assign-to", "zed"]).status == 65)
    #expect(lab.store.run(["account", "set", "support", "--assign-to", "nobody"]).status == 66)
    let set = try lab.store.json(["account", "set", "support", "--assign-to", "dee"]).object()
    #expect((set["cases"] as? [String: Any])?["assignTo"] as? String == "dee")
    try lab.dovecot.deliver(SampleMessage.make(from: "rae@cust.example", subject: "Refund"), to: box)
    _ = try lab.fetch()
    let id = try emailID(lab, "Refund")
    #expect(try lab.store.json(["email", "list"], as: "dee").array().compactMap { $0["id"] as? Int } == [id])
    #expect(try decision(lab, id, "assignment")?.outcome == "dee")
    let ack = try MessageParser.parse(try #require(try settled(sink, expecting: 1).first).bytes)
    #expect(ack.textBody?.contains("Dee has it.") == true)  // {user.name}: the account's assignee
    // An inactive assignee gets nothing, and explain says why.
    try lab.store.json(["user", "set", "dee", "--inactive"])
    try lab.dovecot.deliver(SampleMessage.make(from: "sam@cust.example", subject: "Invoice copy"), to: box)
    _ = try lab.fetch()
    let later = try emailID(lab, "Invoice copy")
    let unassigned = try #require(try decision(lab, later, "assignment"))
    #expect(unassigned.outcome == "unassigned" && unassigned.detail.contains("inactive"))
    try lab.store.json(["user", "set", "dee", "--active"])
    #expect(try lab.store.json(["email", "list"], as: "dee").array().count == 1)
    // Cleared with an empty login; refused where it would mean nothing.
    let cleared = try lab.store.json(["account", "set", "support", "--assign-to", ""]).object()
    #expect((cleared["cases"] as? [String: Any])?["assignTo"] is NSNull)
    try lab.store.json(["account", "set", "support", "--create-case", "--distribution", "round-robin", "--case-team", "Support"])
    let refused = lab.store.run(["account", "set", "support", "--assign-to", "ann"])
    #expect(refused.status == 64 && refused.stderr.contains("--distribution direct"), "\(refused.stderr)")
    let personal = try lab.mailbox("ann")
    #expect(lab.addAccount("ann-mail", mailbox: personal, kind: ["--personal", "--owner", "ann"]).status == 0)
    #expect(lab.store.run(["account", "set", "ann-mail", "--assign-to", "ann"]).status == 65)
  }

  @Test func personalAccountsOfInactiveUsersAreNotFetched() throws {
    let (lab, _, sink) = try lab(cases: false)
    defer { sink.stop() }
    let personal = try lab.mailbox("ben")
    #expect(lab.addAccount("ben-mail", mailbox: personal, kind: ["--personal", "--owner", "ben"]).status == 0)
    try lab.dovecot.deliver(SampleMessage.make(from: "x@cust.example", subject: "For Ben"), to: personal)
    try lab.store.json(["user", "set", "ben", "--inactive"])
    let all = try lab.fetch()
    #expect(all.status == 0)
    #expect(all.accounts["ben-mail"] == nil)
    #expect(all.accounts["support"] != nil)
    let named = lab.store.run(["fetch", "ben-mail"])
    #expect(named.status == 65 && named.stderr.contains("ben, who is inactive"), "\(named.stderr)")
    #expect(try lab.store.json(["email", "list", "--search", "Ben"]).array().isEmpty)
    try lab.store.json(["user", "set", "ben", "--active"])
    #expect(try lab.fetch().accounts["ben-mail"]?["new"] as? Int == 1)
  }

  @Test func distributionGoesBackToNoneAndRoundRobinKeepsItsOwnTurn() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.dovecot.deliver(SampleMessage.make(from: "a@cust.example", subject: "First"), to: box)
    _ = try lab.fetch(["--all", "--no-auto-reply"])
    #expect(try lab.store.json(["case", "show", "1"]).object()["assignedUser"] as? String == "ann")
    // A manual assignment does not move round-robin's turn: the rotation counts the cases it handed out.
    try lab.store.json(["case", "assign", "1", "cat"])
    #expect(try lab.store.json(["case", "preview", "support", "--count", "1"]).array().first?["user"] as? String == "ben")
    try lab.dovecot.deliver(SampleMessage.make(from: "b@cust.example", subject: "Second"), to: box)
    _ = try lab.fetch(["--all", "--no-auto-reply"])
    #expect(try lab.store.json(["case", "show", "2"]).object()["assignedUser"] as? String == "ben")
    // Back to no distribution: new cases stay New.
    let none = try lab.store.json(["account", "set", "support", "--distribution", "none"]).object()
    #expect((none["cases"] as? [String: Any])?["distribution"] is NSNull)
    #expect((none["cases"] as? [String: Any])?["createCase"] as? Bool == true)
    try lab.dovecot.deliver(SampleMessage.make(from: "c@cust.example", subject: "Third"), to: box)
    let run = try lab.fetch(["--all", "--no-auto-reply"])
    #expect(run.accounts["support"]?["casesUnassigned"] as? Int == 1)
    let third = try lab.store.json(["case", "show", "3"]).object()
    #expect(third["assignedUser"] is NSNull && third["status"] as? String == "new")
    let why = try #require(try decision(lab, try emailID(lab, "Third"), "assignment"))
    #expect(why.outcome == "unassigned" && why.detail.contains("no distribution rule"))
    // Direct, then away from direct: the direct user is forgotten with it.
    try lab.store.json(["account", "set", "support", "--distribution", "direct", "--assign-to", "cat"])
    let away = try lab.store.json(["account", "set", "support", "--distribution", "least-busy"]).object()
    #expect((away["cases"] as? [String: Any])?["assignTo"] is NSNull)
    #expect(lab.store.run(["account", "set", "support", "--distribution", "sideways"]).status == 64)
    // Cases turned off keep a direct user, who is then assigned every email; turning them back on
    // without direct distribution forgets the user.
    try lab.store.json(["account", "set", "support", "--distribution", "direct", "--assign-to", "cat", "--no-create-case"])
    let back = try lab.store.json(["account", "set", "support", "--create-case", "--distribution", "none"]).object()
    #expect((back["cases"] as? [String: Any])?["assignTo"] is NSNull)
  }
}
