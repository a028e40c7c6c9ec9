import EspoMailIMAP
import EspoMailMIME
import EspoMailTestSupport
import Foundation
import Testing

/// Sending through a real aiosmtpd sink, and auto-replies to mail fetched from a real Dovecot.
@Suite(.enabled(if: DovecotServer.shouldRun && SMTPSink.shouldRun)) struct SendingTests {
  /// A lab with team Support (alice), a group account `support` opening cases with SMTP to the
  /// sink, and alice's personal account with SMTP.
  private func lab() throws -> (MailLab, String, SMTPSink) {
    let lab = try MailLab()
    let store = lab.store
    try store.json(["team", "add", "Support"])
    try store.json(["user", "add", "alice", "--email", "alice@example.com", "--team", "Support"])
    try store.grantOwnMail("alice")
    try store.grantPersonalMail("alice")
    let box = try lab.mailbox("support")
    let alice = try lab.mailbox("alice")
    // SMTP logins default to the IMAP ones.
    let sink = try SMTPSink.start(users: [box: "pw-\(box)", alice: "pw-\(alice)"])
    let smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none"]
    #expect(lab.addAccount("support", mailbox: box, extra: ["--team", "Support"] + smtp).status == 0)
    let added = store.run(
      [
        "account", "add", "alice-mail", "--personal", "--owner", "alice", "--address", "alice@example.com",
        "--imap-host", "127.0.0.1", "--imap-port", "\(lab.dovecot.port)", "--security", "none", "--username", alice,
        "--password-stdin",
      ] + smtp, stdin: "pw-\(alice)\n")
    #expect(added.status == 0, "\(added.stderr)")
    try store.json(["account", "set", "support", "--create-case", "--distribution", "round-robin", "--case-team", "Support"])
    return (lab, box, sink)
  }

  private func header(_ name: String, in message: DeliveredMessage) throws -> String? {
    try MessageParser.parseHeaders(message.bytes).header(name)
  }

  @Test func sendingStoresSentMailThatRepliesThreadBackTo() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.store.json(["crm", "account", "add", "Acme", "--email", "info@acme.example"])
    try lab.store.json(["role", "set", "OwnMail", "account.read=all"])  // send --parent needs read access to it
    let sent = try lab.store.json(
      [
        "send", "--from", "alice@example.com", "--to", "jane@acme.example", "--cc", "boss@acme.example", "--subject",
        "Über quote", "--body", "Here it is.", "--parent", "account:1",
      ], as: "alice"
    ).object()
    let delivered = try sink.waitForMessages(count: 1)
    #expect(delivered.first?.mailFrom == "alice@example.com")
    #expect(delivered.first?.recipients == ["jane@acme.example", "boss@acme.example"])
    let messageID = try #require(sent["messageId"] as? String)
    #expect(messageID.hasPrefix("<espomail.account.1."))
    let parsed = try MessageParser.parse(try #require(delivered.first?.bytes))
    #expect(parsed.subject == "Über quote")
    #expect(parsed.messageID == messageID)
    let stored = try lab.store.json(["email", "list", "--folder", "sent"], as: "alice").array()
    #expect(stored.first?["subject"] as? String == "Über quote")
    #expect(stored.first?["parent"] as? String == "account:1")
    // A reply from a stranger quoting our Message-ID comes back to account:1.
    try lab.dovecot.deliver(
      SampleMessage.make(
        from: "stranger@elsewhere.example", to: "support@example.com", subject: "Re: Über quote",
        headers: ["In-Reply-To: \(messageID)", "References: \(messageID)"]), to: box)
    _ = try lab.fetch()
    let reply = try lab.store.json(["email", "list", "--search", "stranger"]).array()
    #expect(reply.first?["parent"] as? String == "case:1" || reply.first?["parent"] as? String == "account:1")
    let caseOne = try lab.store.json(["case", "show", "1"]).object()
    #expect(caseOne["account"] as? String == "account:1")
  }

  @Test func sentMailIsAppendedToTheSentFolder() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    let alice = try #require(try lab.store.json(["account", "show", "alice-mail"]).object()["username"] as? String)
    try lab.dovecot.createFolder("Sent", for: alice)
    try lab.store.json(["account", "set", "alice-mail", "--sent-folder", "Sent"])
    let sent = try lab.store.json(
      ["send", "--from", "alice@example.com", "--to", "x@y.example", "--subject", "Filed", "--body", "b"], as: "alice"
    ).object()
    #expect(sent["savedToSentFolder"] as? Bool == true)
    let session = try IMAPClient(
      connecting: IMAPEndpoint(
        host: "127.0.0.1", port: lab.dovecot.port, security: .none, username: alice, credential: .password("pw-\(alice)")))
    defer { session.logout() }
    #expect(try session.status("Sent").messages == 1)
  }

  @Test func recipientsAsMailUsersTypeThemAndAFullyQualifiedEHLO() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    let sent = lab.store.run(
      [
        "send", "--from", "alice@example.com", "--to", "Jane Roe <jane@acme.example>, max@acme.example",
        "--cc", "\"Roe, Bob\" <bob@acme.example>", "--bcc", "Hidden <hidden@acme.example>", "--subject", "Names",
        "--body", "b", "--format", "json",
      ], as: "alice")
    #expect(sent.status == 0, "\(sent.stderr)")
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(Set(message.recipients) == ["jane@acme.example", "max@acme.example", "bob@acme.example", "hidden@acme.example"])
    #expect(try header("To", in: message) == "Jane Roe <jane@acme.example>, max@acme.example")
    #expect(try header("Cc", in: message) == "\"Roe, Bob\" <bob@acme.example>")
    #expect(!String(decoding: message.bytes, as: UTF8.self).contains("hidden"))
    // libcurl's own EHLO name is the short host name; espomail's is fully qualified.
    #expect(message.heloName?.contains(".") == true, "\(message.heloName ?? "")")
    #expect(message.loginMechanism == "PLAIN")
    let id = try #require(try sent.object()["emailID"] as? Int)
    let stored = try lab.store.json(["email", "show", "\(id)"], as: "alice").object()
    #expect((stored["to"] as? [String])?.contains { $0.contains("jane@acme.example") } == true, "\(stored)")
    let broken = lab.store.run(
      ["send", "--from", "alice@example.com", "--to", "Jane <jane@acme.example", "--subject", "x", "--body", "b"], as: "alice")
    #expect(broken.status == 65)
    #expect(broken.stderr.contains("Name <name@example.com>"))
  }

  @Test func aGroupAccountSendsUnderItsOwnNameAndReplyTo() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    let address = try #require(try lab.store.json(["account", "show", "support"]).object()["address"] as? String)
    try lab.store.json([
      "account", "set", "support", "--smtp-shared", "--from-name", "Acme Support", "--reply-to-address", "help@example.com",
    ])
    try lab.store.json(["role", "set", "OwnMail", "group-email-account=team"])
    let shown = try lab.store.json(["account", "show", "support"]).object()
    #expect(shown["fromName"] as? String == "Acme Support")
    #expect(shown["replyToAddress"] as? String == "help@example.com")
    let send = ["send", "--from", address, "--to", "jane@acme.example", "--subject", "From the team", "--body", "b"]
    let sent = lab.store.run(send, as: "alice")
    #expect(sent.status == 0, "\(sent.stderr)")
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(try header("From", in: message)?.contains("Acme Support") == true)
    #expect(try header("Reply-To", in: message) == "help@example.com")
    // Back to the agent's own name; a personal account has no name or Reply-To of its own.
    try lab.store.json(["account", "set", "support", "--from-name", "", "--reply-to-address", ""])
    #expect(lab.store.run(send, as: "alice").status == 0)
    let second = try #require(try sink.waitForMessages(count: 2).last)
    #expect(try header("From", in: second)?.contains("Acme Support") == false)
    #expect(try header("Reply-To", in: second) == nil)
    #expect(lab.store.run(["account", "set", "alice-mail", "--from-name", "Alice Inc"]).status == 65)
    #expect(lab.store.run(["account", "set", "support", "--reply-to-address", "not an address"]).status == 65)
  }

  @Test func aSendOnlyAccountSendsAndIsNeverFetched() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    let smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none"]
    let add = ["account", "add", "noreply", "--group", "--address", "noreply@example.com", "--no-imap", "--username", box, "--password-stdin"]
    let withoutSMTP = lab.store.run(add, stdin: "pw-\(box)\n")
    #expect(withoutSMTP.status == 64)
    #expect(withoutSMTP.stderr.contains("needs --smtp-host"))
    let added = lab.store.run(add + smtp + ["--from-name", "Acme"], stdin: "pw-\(box)\n")
    #expect(added.status == 0, "\(added.stderr)")
    #expect(try lab.store.json(["account", "show", "noreply"]).object()["usesIMAP"] as? Bool == false)
    #expect(lab.store.run(["account", "show", "noreply"]).stdout.contains("imap:        - (send only)"))
    try lab.store.json(["outbound", "set-default", "noreply"])
    let run = try lab.fetch()
    #expect(run.status == 0, "\(run.result.stderr)")
    #expect(run.accounts["noreply"] == nil, "a send-only account is not fetched")
    #expect(run.accounts["support"] != nil)
    #expect(lab.store.run(["fetch", "noreply"]).status == 65)
    #expect(lab.store.run(["account", "test", "noreply"]).status == 65)
    #expect(lab.store.run(["account", "set", "noreply", "--create-case"]).status == 65)
    let sent = lab.store.run(["send", "--from", "noreply@example.com", "--to", "jane@acme.example", "--subject", "Notice", "--body", "b"])
    #expect(sent.status == 0, "\(sent.stderr)")
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(message.mailFrom == "noreply@example.com")
    #expect(try header("From", in: message)?.contains("Acme") == true)
  }

  @Test func theSMTPLoginMechanismIsChosenPerAccount() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    try lab.store.json(["account", "set", "alice-mail", "--smtp-login-mechanism", "login"])
    let send = ["send", "--from", "alice@example.com", "--to", "jane@acme.example", "--subject", "Mech", "--body", "b"]
    let viaLogin = lab.store.run(send, as: "alice")
    #expect(viaLogin.status == 0, "\(viaLogin.stderr)")
    #expect(try sink.waitForMessages(count: 1).first?.loginMechanism == "LOGIN")
    // A mechanism the server does not offer: refused, and the message names it.
    try lab.store.json(["account", "set", "alice-mail", "--smtp-login-mechanism", "cram-md5"])
    let refused = lab.store.run(send, as: "alice")
    #expect(refused.status == 77)
    #expect(refused.stderr.contains("refused the login with CRAM-MD5"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--smtp-login-mechanism"))
    let shown = try lab.store.json(["account", "show", "alice-mail"]).object()
    #expect(shown["smtpLoginMechanism"] as? String == "cram-md5")
    #expect(shown["loginMechanism"] as? String == "auto")
  }

  @Test func fromAddressesAreCheckedAgainstTheRole() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    let group = "\(try #require(try lab.store.json(["account", "show", "support"]).object()["address"] as? String))"
    let denied = lab.store.run(["send", "--from", group, "--to", "x@y.example", "--subject", "Hi", "--body", "b"], as: "alice")
    #expect(denied.status == 77)
    #expect(denied.stderr.contains("alice@example.com"))
    try lab.store.json(["account", "set", "support", "--smtp-shared"])
    try lab.store.json(["role", "create", "Sender"])
    try lab.store.json(["role", "set", "Sender", "group-email-account=team"])
    try lab.store.json(["user", "role", "add", "alice", "Sender"])
    let verbose = lab.store.run(
      ["send", "--from", group, "--to", "x@y.example", "--subject", "Hi", "--body", "b", "--verbose"], as: "alice")
    #expect(verbose.status == 0)
    #expect(verbose.stderr.contains("espomail: trace:") && verbose.stderr.contains("RCPT TO"))
    #expect(!verbose.stderr.contains("pw-"))
    #expect(try sink.waitForMessages(count: 1).first?.mailFrom == group)
    let injected = lab.store.run(
      ["send", "--from", "alice@example.com", "--to", "x@y.example", "--subject", "Hi\r\nBcc: evil@x.example", "--body", "b"],
      as: "alice")
    #expect(injected.status == 65)
    #expect(lab.store.run(["send", "--from", "alice@example.com", "--to", "x y@z", "--subject", "s", "--body", "b"], as: "alice").status == 65)
  }

  @Test func aCaseParentGivesReplyToTheGroupAddress() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.dovecot.deliver(SampleMessage.make(from: "jane@acme.example", subject: "Printer"), to: box)
    _ = try lab.fetch(["--all", "--no-auto-reply"])
    try lab.store.json(["role", "create", "Agent"])
    try lab.store.json(["role", "set", "Agent", "case.read=team"])
    try lab.store.json(["user", "role", "add", "alice", "Agent"])
    try lab.store.json(
      ["send", "--from", "alice@example.com", "--to", "jane@acme.example", "--subject", "Re: Printer", "--body", "On it", "--parent", "case:1"],
      as: "alice")
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(try header("Reply-To", in: message) == "\(box)@example.com")
    #expect(try header("Message-ID", in: message)?.hasPrefix("<espomail.case.1.") == true)
    let stream = try lab.store.json(["stream", "show", "case:1"]).array()
    #expect(stream.contains { $0["kind"] as? String == "email-sent" })
  }

  @Test func anHTMLAutoReplyEscapesTheCustomersSubject() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.store.json([
      "template", "add", "ack-html", "--html", "--subject", "Re: {email.subject}",
      "--body", "<p>We got <b>{email.subject}</b> from {person.name}.</p>",
    ])
    // The account's own From name and Reply-To go on its auto-replies too.
    try lab.store.json([
      "account", "set", "support", "--auto-reply", "--reply-template", "ack-html", "--from-name", "Acme Support",
      "--reply-to-address", "help@example.com",
    ])
    let hostile = "<a href=\"https://evil.example/\">Pay here</a> {case.number}"
    try lab.dovecot.deliver(
      SampleMessage.make(from: "Mallory <mallory@cust.example>", subject: hostile), to: box)
    _ = try lab.fetch()
    let reply = try #require(try sink.waitForMessages(count: 1).first)
    let html = try #require(try MessageParser.parse(reply.bytes).htmlBody)
    #expect(!html.contains("<a href"), "the customer's markup went out: \(html)")
    #expect(html.contains("&lt;a href=&quot;https://evil.example/&quot;&gt;Pay here&lt;/a&gt; {case.number}"))
    #expect(try header("From", in: reply)?.contains("Acme Support") == true)
    #expect(try header("Reply-To", in: reply) == "help@example.com")
  }

  @Test func autoRepliesWithoutLoopsAndNeverTwice() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    try lab.store.json([
      "template", "add", "ack", "--subject", "We got it: {email.subject}", "--body",
      "Hello {person.name}, case {case.number} is open.\n{account.name} <{account.address}>, {date.today}; yours of {email.date}",
    ])
    #expect(lab.store.run(["template", "add", "bad", "--subject", "{nope}", "--body", "x"]).status == 65)
    try lab.store.json(["account", "set", "support", "--auto-reply", "--reply-template", "ack"])
    try lab.dovecot.deliver(
      [
        SampleMessage.make(id: "t1@cust.example", from: "Jane Roe <jane@cust.example>", subject: "Broken"),
        SampleMessage.make(from: "robot@cust.example", subject: "Away", headers: ["Auto-Submitted: auto-replied"]),
        SampleMessage.make(from: "list@cust.example", subject: "Digest", headers: ["Precedence: bulk"]),
        SampleMessage.make(from: "alice@example.com", subject: "From ourselves"),
        SampleMessage.make(from: "news@cust.example", subject: "List", headers: ["List-Id: <news.cust.example>"]),
        SampleMessage.make(from: "bounce@cust.example", subject: "Null path", headers: ["Return-Path: <>"]),
        SampleMessage.make(from: "MAILER-DAEMON@cust.example", subject: "Undeliverable"),
        SampleMessage.make(from: "ex@cust.example", subject: "OOF", headers: ["X-Auto-Response-Suppress: All"]),
        SampleMessage.make(
          from: "dsn@cust.example", subject: "Delivery Status",
          headers: ["Content-Type: multipart/report; report-type=delivery-status; boundary=x"]),
      ] + (1...6).map { SampleMessage.make(from: "flood@cust.example", subject: "Flood \($0)") }, to: box)
    let run = try lab.fetch()
    #expect(run.accounts["support"]?["autoReplies"] as? Int == 6)  // Jane + 5 of the 6 floods
    let replies = try sink.waitForMessages(count: 6)
    let toJane = try #require(replies.first { $0.recipients == ["jane@cust.example"] })
    let parsed = try MessageParser.parse(toJane.bytes)
    #expect(parsed.subject == "[#1] We got it: Broken")
    #expect(parsed.header("Auto-Submitted") == "auto-replied")
    #expect(parsed.header("X-Auto-Response-Suppress") == "All")
    #expect(parsed.header("Precedence") == "auto_reply")
    #expect(parsed.inReplyTo == "<t1@cust.example>")
    #expect(parsed.textBody?.contains("Hello Jane Roe, case 1 is open.") == true)
    let today = String(Date().formatted(.iso8601).prefix(10))
    let sentOn = try #require(try lab.store.json(["email", "list", "--search", "Broken"]).array().first?["date"] as? String)
    let address = try #require(try lab.store.json(["account", "show", "support"]).object()["address"] as? String)
    #expect(parsed.textBody?.contains("support <\(address)>, \(today); yours of \(sentOn)") == true, "\(parsed.textBody ?? "")")
    #expect(replies.filter { $0.recipients == ["flood@cust.example"] }.count == 5)
    let away = try #require(try lab.store.json(["email", "list", "--search", "Away"]).array().first?["id"] as? Int)
    let why = try lab.store.json(["explain", "\(away)"]).object()
    #expect((why["decisions"] as? [[String: Any]])?.contains { ($0["detail"] as? String)?.contains("automatic mail") == true } == true)
    for subject in ["List", "Null path", "Undeliverable", "OOF", "Delivery Status"] {
      let id = try #require(try lab.store.json(["email", "list", "--search", subject]).array().first?["id"] as? Int)
      let decisions = try lab.store.json(["explain", "\(id)"]).object()["decisions"] as? [[String: Any]] ?? []
      #expect(decisions.contains { $0["step"] as? String == "auto-reply" && $0["outcome"] as? String == "suppressed" }, "\(subject)")
    }
    // The customer answers the auto-reply: it threads back to case 1, opens nothing new and is not
    // acknowledged again; a new customer's first email is.
    let replyID = try #require(parsed.messageID)
    try lab.dovecot.deliver(
      [
        SampleMessage.make(
          from: "jane@cust.example", subject: "Re: [#1] We got it: Broken",
          headers: ["In-Reply-To: \(replyID)", "References: <t1@cust.example> \(replyID)"]),
        SampleMessage.make(from: "fresh@cust.example", subject: "Fresh question"),
      ], to: box)
    let answer = try lab.fetch(["--all", "--verbose"])
    #expect(answer.accounts["support"]?["casesCreated"] as? Int == 1)
    // --verbose shows the auto-reply's SMTP conversation too, credentials redacted.
    #expect(answer.result.stderr.contains("support: auto-reply: ") && answer.result.stderr.contains("RCPT TO"))
    #expect(!answer.result.stderr.contains("pw-\(box)"))
    #expect(try lab.store.json(["case", "show", "1"]).object()["emailCount"] as? Int == 2)
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try sink.messages().filter { $0.recipients == ["jane@cust.example"] }.count == 1)  // no second acknowledgement
    #expect(try sink.messages().count == 7)  // the fresh question's
    _ = try lab.fetch()
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try sink.messages().count == 7)  // a run with nothing new sends nothing again
    try lab.dovecot.deliver(SampleMessage.make(from: "new@cust.example", subject: "Quiet"), to: box)
    _ = try lab.fetch(["--all", "--no-auto-reply"])
    try lab.store.json(["setting", "set", "auto-reply-limit", "0"])
    try lab.dovecot.deliver(SampleMessage.make(from: "late@cust.example", subject: "Limited"), to: box)
    _ = try lab.fetch()
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try sink.messages().count == 7)
    #expect(lab.store.run(["setting", "set", "auto-reply-limit", "many"]).status == 64)
  }

  @Test func theSystemSenderAndFailures() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    let box = try lab.mailbox("nosmtp")
    lab.addAccount("nosmtp", mailbox: box)
    #expect(lab.store.run(["outbound", "set-default", "nosmtp"]).status == 65)  // no SMTP
    #expect(lab.store.run(["outbound", "set-default", "alice-mail"]).status == 65)  // personal
    try lab.store.json(["outbound", "set-default", "support"])
    #expect(try lab.store.json(["outbound", "show"]).object()["account"] as? String == "support")
    #expect(lab.store.run(["account", "remove", "support"]).status == 65)
    #expect(lab.store.run(["account", "set", "support", "--inactive"]).status == 65)
    // An account without SMTP auto-replies through the system sender.
    try lab.store.json(["template", "add", "ack", "--subject", "Thanks", "--body", "Got it."])
    try lab.store.json(["account", "set", "nosmtp", "--auto-reply", "--reply-template", "ack"])
    try lab.dovecot.deliver(SampleMessage.make(from: "x@cust.example", subject: "Hello"), to: box)
    #expect(try lab.fetch().accounts["nosmtp"]?["autoReplies"] as? Int == 1)
    #expect(try sink.waitForMessages(count: 1).first?.recipients == ["x@cust.example"])
    // A dead SMTP server: the send fails clearly and the email is marked failed.
    try lab.store.json(["account", "set", "alice-mail", "--smtp-port", "1"])
    let failed = lab.store.run(
      ["send", "--from", "alice@example.com", "--to", "x@y.example", "--subject", "Lost", "--body", "b", "--timeout", "3"], as: "alice")
    #expect(failed.status == 69)
    try lab.store.json(["account", "set", "alice-mail", "--smtp-port", "\(sink.port)"])
    let refused = lab.store.run(
      ["send", "--from", "alice@example.com", "--to", "reject-x@y.example", "--subject", "Refused", "--body", "b"], as: "alice")
    #expect(refused.status == 76)
    #expect(refused.stderr.contains("550"))
    let deferred = lab.store.run(
      ["send", "--from", "alice@example.com", "--to", "defer-x@y.example", "--subject", "Deferred", "--body", "b"], as: "alice")
    #expect(deferred.status == 75)
    let kept = try lab.store.json(["email", "list", "--folder", "sent"], as: "alice").array()
    #expect(Set(kept.compactMap { $0["status"] as? String }) == ["failed"])
    #expect(kept.count == 3)
  }
}
