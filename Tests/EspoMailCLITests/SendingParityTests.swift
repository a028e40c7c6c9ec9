import EspoMailMIME
import EspoMailTestSupport
import Foundation
import Testing

/// EspoCRM's sending rules that scripts and agents meet, through the binary against Dovecot and a
/// real SMTP sink: the system sender lent for users' own addresses, reply-all leaving out excluded
/// group addresses, and templates with files and the case's assignee.
@Suite(.enabled(if: DovecotServer.shouldRun && SMTPSink.shouldRun)) struct SendingParityTests {
  /// A lab with team Support (alice), group account `support` (SMTP to the sink, the system
  /// sender) and bob, who has an address and no account.
  private func lab() throws -> (MailLab, String, SMTPSink) {
    let lab = try MailLab()
    let store = lab.store
    try store.json(["team", "add", "Support"])
    try store.json(["user", "add", "alice", "--name", "Alice", "--email", "alice@example.com", "--team", "Support"])
    try store.json(["user", "add", "bob", "--name", "Bob Builder", "--email", "bob@example.com"])
    try store.grantOwnMail("alice", "bob")
    let box = try lab.mailbox("support")
    let sink = try SMTPSink.start(users: [box: "pw-\(box)", "bob": "pw"])
    let smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none"]
    #expect(lab.addAccount("support", mailbox: box, extra: ["--team", "Support", "--reply-to-address", "help@example.com"] + smtp).status == 0)
    try store.json(["outbound", "set-default", "support"])
    return (lab, box, sink)
  }

  @Test func usersSendFromTheirOwnAddressThroughTheSystemSenderOnlyWhenShared() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    let store = lab.store
    let send = ["send", "--from", "bob@example.com", "--to", "jane@acme.example", "--subject", "Hi", "--body", "b"]
    let refused = store.run(send, as: "bob")
    #expect(refused.status == 77 && refused.stderr.contains("outbound-shared yes"), "\(refused.stderr)")
    try store.json(["setting", "set", "outbound-shared", "yes"])
    let sent = try store.json(send, as: "bob").object()
    #expect(sent["account"] as? String == "support")
    let message = try #require(try sink.waitForMessages(count: 1).first)
    #expect(message.mailFrom == "bob@example.com")
    let parsed = try MessageParser.parse(message.bytes)
    #expect(parsed.from.first?.address == "bob@example.com" && parsed.from.first?.name == "Bob Builder")
    #expect(parsed.replyTo.isEmpty)  // the team's Reply-To is not lent with the sender
    // Only one's own addresses: not another user's, nor the system sender's without the group permission.
    let other = store.run(["send", "--from", "alice@example.com", "--to", "x@y.example", "--subject", "s", "--body", "b"], as: "bob")
    #expect(other.status == 77)
    let system = store.run(["send", "--from", "\(box)@example.com", "--to", "x@y.example", "--subject", "s", "--body", "b"], as: "bob")
    #expect(system.status == 77)
    #expect(try sink.messages().count == 1)
  }

  @Test func aPersonalAccountSendsOnlyForAnOwnerWhoseRoleAllowsPersonalAccounts() throws {
    let (lab, _, sink) = try lab()
    defer { sink.stop() }
    let store = lab.store
    let added = store.run(
      [
        "account", "add", "bob-mail", "--personal", "--owner", "bob", "--address", "bob@example.com", "--imap-host",
        "127.0.0.1", "--imap-port", "\(lab.dovecot.port)", "--security", "none", "--username", "bob", "--password-stdin",
        "--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none",
      ], stdin: "pw\n")
    #expect(added.status == 0, "\(added.stderr)")
    let send = ["send", "--from", "bob@example.com", "--to", "jane@acme.example", "--subject", "Hi", "--body", "b"]
    #expect(store.run(send, as: "bob").status == 77)
    try store.grantPersonalMail("bob")
    let sent = store.run(send + ["--format", "json"], as: "bob")
    #expect(sent.status == 0, "\(sent.stderr)")
    #expect(try sent.object()["account"] as? String == "bob-mail")
  }

  @Test func replyAllLeavesOutOwnAndExcludedAddresses() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    let store = lab.store
    let sales = try lab.mailbox("sales")
    #expect(lab.addAccount("sales", mailbox: sales, extra: ["--exclude-from-reply"]).status == 0)
    #expect(try store.json(["account", "show", "sales"]).object()["excludeFromReply"] as? Bool == true)
    try lab.dovecot.deliver(
      [
        SampleMessage.make(
          from: "Jane Roe <jane@acme.example>", to: "\(box)@example.com, \(sales)@example.com",
          cc: "alice@example.com, Other <other@acme.example>", subject: "Quote please", date: SampleMessage.date())
      ], to: box)
    _ = try lab.fetch()
    let id = try #require(try store.json(["email", "list", "--search", "Quote"], as: "alice").array().first?["id"] as? Int)
    let base = ["send", "--from", "\(box)@example.com", "--reply-to-email", "\(id)", "--body", "On it."]
    try store.json(base)
    try store.json(base + ["--reply-all"])
    let sent = try sink.waitForMessages(count: 2)
    #expect(sent[0].recipients == ["jane@acme.example"])
    let all = try MessageParser.parse(sent[1].bytes)
    #expect(all.subject == "Re: Quote please")
    #expect(all.to.map(\.address) == ["jane@acme.example"])
    #expect(all.cc.map(\.address) == ["alice@example.com", "other@acme.example"])  // not support's own, not sales
    #expect(Set(sent[1].recipients) == ["jane@acme.example", "alice@example.com", "other@acme.example"])
    // --reply-all alone names nothing to answer.
    #expect(store.run(["send", "--from", "\(box)@example.com", "--reply-all", "--to", "x@y.example", "--subject", "s", "--body", "b"]).status == 64)
  }

  @Test func templateFilesGoWithAutoRepliesAndTemplatedSends() throws {
    let (lab, box, sink) = try lab()
    defer { sink.stop() }
    let store = lab.store
    let directory = try TemporaryDirectory()
    let terms = directory.file("terms.pdf")
    let bytes: [UInt8] = Array("%PDF-1.4 terms\n".utf8) + [0, 1, 2, 255]
    FileManager.default.createFile(atPath: terms, contents: Data(bytes))
    let added = try store.json(
      ["template", "add", "ack", "--subject", "We got it: {email.subject}", "--body", "{case.assignee} has case {case.number}.",
       "--attach", terms]
    ).object()
    #expect((added["attachments"] as? [[String: Any]])?.first?["name"] as? String == "terms.pdf")
    try store.json(["account", "set", "support", "--create-case", "--distribution", "direct", "--assign-to", "alice", "--auto-reply", "--reply-template", "ack"])
    try lab.dovecot.deliver([SampleMessage.make(from: "jane@acme.example", subject: "Broken", date: SampleMessage.date())], to: box)
    _ = try lab.fetch()
    let reply = try MessageParser.parse(try #require(try sink.waitForMessages(count: 1).first).bytes)
    #expect(reply.textBody?.contains("Alice has case 1.") == true)
    #expect(reply.attachments.map(\.filename) == ["terms.pdf"] && reply.attachments.first?.data == bytes)
    // A templated send: subject and body from the template, its files and the ones given.
    let note = directory.file("note.txt")
    FileManager.default.createFile(atPath: note, contents: Data("hello".utf8))
    try store.json(["send", "--from", "\(box)@example.com", "--to", "jane@acme.example", "--parent", "case:1", "--template", "ack", "--attach", note])
    let templated = try MessageParser.parse(try sink.waitForMessages(count: 2)[1].bytes)
    #expect(templated.subject.hasPrefix("We got it:"))
    #expect(templated.textBody?.contains("Alice has case 1.") == true)
    #expect(templated.attachments.map(\.filename) == ["terms.pdf", "note.txt"])
    // template set replaces or removes the files; an unknown template is not found.
    let cleared = try store.json(["template", "set", "ack", "--no-attachments"]).object()
    #expect((cleared["attachments"] as? [Any])?.isEmpty == true)
    #expect(store.run(["send", "--from", "\(box)@example.com", "--to", "j@acme.example", "--template", "nope"]).status == 66)
  }
}
