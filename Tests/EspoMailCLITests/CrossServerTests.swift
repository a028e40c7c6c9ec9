import EspoMailTestSupport
import Foundation
import Testing

/// The fetch, folder, keep-unread, UIDVALIDITY, login and Sent-append behaviour against more than
/// one IMAP server implementation: Dovecot and GNU Mailutils' imap4d (in its default set-up it
/// advertises GSSAPI, CRAM-MD5 and more that it cannot serve, and renumbers folders).
@Suite struct CrossServerTests {
  /// The servers these tests run on (each fails rather than skips under ESPOMAIL_REQUIRE_MAIL_SERVERS=1).
  static let servers = IMAPServerKind.allCases.filter(\.shouldRun)

  @Test(arguments: servers) func passwordsLogInAsMailClientsDoAndRefusalsNameTheMechanism(_ kind: IMAPServerKind) throws {
    let lab = try ServerLab(kind)
    let box = try lab.mailbox("login")
    #expect(lab.addAccount("support", mailbox: box).status == 0)
    let test = lab.store.run(["account", "test", "support", "--format", "json"])
    #expect(test.status == 0, "\(test.stderr) \(lab.serverLog())")
    #expect(try test.object()["ok"] as? Bool == true)
    // A mechanism the server advertises (imap4d) or not (Dovecot) but cannot serve: named in the error.
    try lab.store.json(["account", "set", "support", "--login-mechanism", "cram-md5"])
    let cram = lab.store.run(["account", "test", "support", "--format", "json"])
    #expect(cram.status == 77)
    #expect((try cram.object()["error"] as? String)?.contains("CRAM-MD5") == true, "\(cram.stdout)")
    #expect(cram.stderr.contains("--login-mechanism"))
    // The LOGIN command and SASL PLAIN, each on its own.
    for mechanism in ["login", "plain"] {
      try lab.store.json(["account", "set", "support", "--login-mechanism", mechanism])
      let chosen = lab.store.run(["account", "test", "support"])
      #expect(chosen.status == 0, "\(mechanism): \(chosen.stderr)")
    }
    // A wrong password is refused with the mechanism named, the password never shown.
    try lab.store.json(["account", "set", "support", "--login-mechanism", "auto"])
    let wrong = lab.store.run(
      ["account", "set", "support", "--password-stdin"], stdin: "not-the-password-4711\n")
    #expect(wrong.status == 0)
    let refused = lab.store.run(["account", "test", "support", "--format", "json"])
    #expect(refused.status == 77)
    let error = try refused.object()["error"] as? String ?? ""
    #expect(error.contains("refused the login with PLAIN"), "\(error)")
    #expect(!refused.stdout.contains("4711") && !refused.stderr.contains("4711"))
  }

  @Test(arguments: servers) func fetchImportsOnceAndFollowsKeepUnread(_ kind: IMAPServerKind) throws {
    let lab = try ServerLab(kind)
    let marked = try lab.mailbox("marked")
    let unread = try lab.mailbox("unread")
    #expect(lab.addAccount("marked", mailbox: marked).status == 0)
    #expect(lab.addAccount("unread", mailbox: unread, extra: ["--keep-unread"]).status == 0)
    try marked.deliver([SampleMessage.make(subject: "One"), SampleMessage.make(subject: "Two")])
    try unread.deliver([SampleMessage.make(subject: "Three")])
    let first = try lab.fetch()
    #expect(first.status == 0, "\(first.result.stderr)")
    #expect(first.accounts["marked"]?["new"] as? Int == 2)
    #expect(first.accounts["unread"]?["new"] as? Int == 1)
    #expect(try marked.unseenCount() == 0)
    #expect(try unread.unseenCount() == 1)
    // More mail: imap4d renumbers the folder and changes its UIDVALIDITY; nothing is imported twice.
    try marked.deliver([SampleMessage.make(subject: "Four")])
    let second = try lab.fetch()
    #expect(second.status == 0, "\(second.result.stderr)")
    let again = try lab.fetch()
    #expect(again.status == 0)
    let subjects = try lab.store.json(["email", "list"]).array().compactMap { $0["subject"] as? String }
    #expect(subjects.sorted() == ["Four", "One", "Three", "Two"])
    #expect(try marked.unseenCount() == 0)
    #expect(try unread.unseenCount() == 1)
  }

  @Test(arguments: servers) func aFolderMadeAnewWithItsMailIsNotImportedTwice(_ kind: IMAPServerKind) throws {
    let lab = try ServerLab(kind)
    let box = try lab.mailbox("renewed")
    #expect(lab.addAccount("archive", mailbox: box, extra: ["--folder", "Archive"]).status == 0)
    let one = SampleMessage.make(subject: "Kept one")
    let two = SampleMessage.make(subject: "Kept two")
    try box.deliver([one, two], folder: "Archive")
    #expect(try lab.fetch().accounts["archive"]?["new"] as? Int == 2)
    // Deleted and made again: a new UIDVALIDITY on every server, the same messages plus one.
    try box.deleteFolder("Archive")
    try box.deliver([one, two, SampleMessage.make(subject: "New one")], folder: "Archive")
    let rescan = try lab.fetch()
    #expect(rescan.status == 0, "\(rescan.result.stderr)")
    let subjects = try lab.store.json(["email", "list"]).array().compactMap { $0["subject"] as? String }
    #expect(subjects.sorted() == ["Kept one", "Kept two", "New one"])
  }

  @Test(arguments: servers) func aMissingFolderFailsAloneAndTheServersFoldersAreListed(_ kind: IMAPServerKind) throws {
    let lab = try ServerLab(kind)
    let box = try lab.mailbox("folders")
    try box.createFolder("Archive")
    #expect(lab.addAccount("folders", mailbox: box, extra: ["--folder", "INBOX", "--folder", "Missing"]).status == 0)
    try box.deliver([SampleMessage.make(subject: "Still fetched")])
    let run = try lab.fetch()
    #expect(run.status == 66)
    #expect(run.accounts["folders"]?["new"] as? Int == 1)
    let errors = run.accounts["folders"]?["folderErrors"] as? [[String: Any]] ?? []
    let message = errors.first?["error"] as? String ?? ""
    #expect(message.contains("Missing") && message.contains("Archive"), "\(run.result.stdout)")
    let test = lab.store.run(["account", "test", "folders", "--format", "json"])
    #expect(test.status == 66)
    let report = try test.object()
    #expect(report["missingFolders"] as? [String] == ["Missing"])
    #expect((report["error"] as? String)?.contains("the server has") == true)
    #expect((report["folders"] as? [String])?.contains("Archive") == true)
  }

  @Test(.enabled(if: SMTPSink.shouldRun), arguments: servers)
  func sentCopiesAreFiledOrTheRefusalIsCounted(_ kind: IMAPServerKind) throws {
    let lab = try ServerLab(kind)
    let store = lab.store
    let box = try lab.mailbox("sender")
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    try store.grantOwnMail("alice")
    try store.grantPersonalMail("alice")
    let sink = try SMTPSink.start(users: [box.login: box.password])
    defer { sink.stop() }
    let added = store.run(
      [
        "account", "add", "alice-mail", "--personal", "--owner", "alice", "--address", "alice@example.com",
        "--imap-host", "127.0.0.1", "--imap-port", "\(lab.port)", "--security", "none", "--username", box.login,
        "--password-stdin", "--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none",
        "--sent-folder", "Sent", "--helo-name", "relay-client.example.org",
      ], stdin: box.password + "\n")
    #expect(added.status == 0, "\(added.stderr)")
    try box.createFolder("Sent")
    #expect(store.run(["account", "test", "alice-mail"]).status == 0)
    let sent = try store.json(
      ["send", "--from", "alice@example.com", "--to", "Jane Roe <jane@acme.example>", "--subject", "Filed", "--body", "b"],
      as: "alice"
    ).object()
    #expect(sent["savedToSentFolder"] as? Bool == true)
    #expect(sent["sentFolderError"] is NSNull)
    #expect(try box.messageCount(folder: "Sent") == 1)
    let delivered = try sink.waitForMessages(count: 1)
    #expect(delivered.first?.heloName == "relay-client.example.org")
    #expect(delivered.first?.loginMechanism == "PLAIN")
    // A Sent folder the server does not have: the mail goes out, the refusal is said and counted.
    try store.json(["account", "set", "alice-mail", "--sent-folder", "Nowhere"])
    let refused = store.run(
      ["send", "--from", "alice@example.com", "--to", "jane@acme.example", "--subject", "Lost copy", "--body", "b",
       "--format", "json"], as: "alice")
    #expect(refused.status == 0, "\(refused.stderr)")
    #expect(try refused.object()["savedToSentFolder"] as? Bool == false)
    #expect((try refused.object()["sentFolderError"] as? String)?.contains("Nowhere") == true)
    #expect(refused.stderr.contains("warning") && refused.stderr.contains("Nowhere"))
    _ = try sink.waitForMessages(count: 2)
    let status = try store.json(["account", "status", "alice-mail"]).array()
    #expect(status.first?["sentAppendFailures"] as? Int == 1)
    #expect((status.first?["lastSentAppendError"] as? String)?.contains("Nowhere") == true)
    let test = store.run(["account", "test", "alice-mail", "--format", "json"])
    #expect(test.status == 66)
    #expect(try test.object()["failedStep"] as? String == "sent-folder")
  }
}

/// A server that takes logins only over TLS, reached without it.
@Suite(.enabled(if: Imap4dServer.shouldRun)) struct TLSOnlyServerTests {
  @Test func aPlaintextLoginToATLSOnlyServerSaysItWantsTLS() throws {
    let server = try Imap4dServer.start(tlsRequired: true)
    defer { server.stop() }
    let certificate = try #require(server.certificatePath)
    let store = try TestStore()
    let login = try server.addUser("tlsonly", password: "pw-tls-only")
    let added = store.run(
      [
        "account", "add", "secure", "--group", "--address", "secure@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "\(server.port)", "--security", "none", "--username", login, "--password-stdin",
      ], stdin: "pw-tls-only\n")
    #expect(added.status == 0, "\(added.stderr)")
    let plain = store.run(["account", "test", "secure", "--format", "json"])
    #expect(plain.status == 78, "\(plain.stdout) \(plain.stderr)")
    #expect((try plain.object()["error"] as? String)?.contains("the server wants TLS before a login") == true)
    #expect(try plain.object()["failedStep"] as? String == "login")
    #expect(plain.stderr.contains("--security starttls"))
    #expect(!plain.stdout.contains("login denied") && !plain.stderr.contains("login denied"))
    // As the hint says, with the account's own CA file for the server's private certificate.
    try store.json(["account", "set", "secure", "--security", "starttls", "--imap-port", "\(server.port)", "--ca-file", certificate])
    let secured = store.run(["account", "test", "secure"])
    #expect(secured.status == 0, "\(secured.stderr) \(server.logText())")
  }
}
