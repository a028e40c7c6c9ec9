import EspoMailTestSupport
import Foundation
import GRDB
import Testing

/// Merging is for the same message only: same Message-ID and the same fingerprint of the headers
/// its sender wrote (From, Date, Subject, To, Cc; Docs/architecture.md). A Message-ID alone is no
/// secret, so a message that merely reuses one is an email of its own and grants nothing.
@Suite struct MergeFingerprintTests {
  /// A message with an attachment, as `email import` reads it.
  static func message(
    id: String, from: String, to: String, subject: String, body: String, date: String = "Mon, 16 Nov 2026 10:00:00 +0000",
    extraHeaders: [String] = []
  ) -> [UInt8] {
    let lines =
      extraHeaders + [
        "From: \(from)", "To: \(to)", "Subject: \(subject)", "Date: \(date)", "Message-ID: <\(id)>", "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"b1\"", "", "--b1", "Content-Type: text/plain; charset=utf-8", "", body,
        "--b1", "Content-Type: application/pdf; name=\"contract.pdf\"",
        "Content-Disposition: attachment; filename=\"contract.pdf\"", "Content-Transfer-Encoding: base64", "",
        Data("%PDF secret terms".utf8).base64EncodedString(), "--b1--", "",
      ]
    return Array(lines.joined(separator: "\r\n").utf8)
  }

  @Test func aForgedFileReusingAnotherEmailsMessageIDIsANewEmailAndGrantsNothing() throws {
    let directory = try TemporaryDirectory()
    let env = ["ESPOMAIL_STORE": directory.file("s.sqlite")]
    func run(_ arguments: [String], as login: String? = nil) throws -> CommandResult {
      try BinaryRunner.run((login.map { ["--as", $0] } ?? []) + arguments, environment: env)
    }
    #expect(try run(["init"]).status == 0)
    for setup in [
      ["user", "add", "alice", "--email", "alice@example.com"], ["user", "add", "bob", "--email", "bob@example.com"],
      ["role", "create", "Mailer"], ["role", "set", "Mailer", "email.read=own", "personal-email-accounts=yes"],
      ["user", "role", "add", "alice", "Mailer"], ["user", "role", "add", "bob", "Mailer"],
    ] {
      let result = try run(setup)
      #expect(result.status == 0, "\(setup): \(result.stderr)")
    }
    // Each has a personal account, the way a non-admin may import files.
    for login in ["alice", "bob"] {
      let added = try BinaryRunner.run(
        [
          "--as", login, "account", "add", "\(login)-mail", "--personal", "--owner", login, "--address",
          "\(login)@example.com", "--imap-host", "imap.example.com", "--username", login, "--password-stdin",
        ], environment: env, stdin: "pw\n")
      #expect(added.status == 0, "\(added.stderr)")
    }

    let original = Self.message(
      id: "contract-7@acme.example", from: "Jane Roe <jane@acme.example>", to: "alice@example.com",
      subject: "Contract terms", body: "ALICE-ONLY-BODY")
    let originalFile = directory.file("alice.eml")
    try Data(original).write(to: URL(fileURLWithPath: originalFile))
    let first = try run(["--format", "json", "email", "import", originalFile, "--account", "alice-mail"], as: "alice")
    #expect(first.status == 0, "\(first.stderr)")
    let aliceEmail = try #require(try first.object()["id"] as? Int)

    // Bob knows the Message-ID (it is no secret) and imports a message of his own carrying it.
    let forged = Self.message(
      id: "contract-7@acme.example", from: "bob@example.com", to: "bob@example.com", subject: "anything",
      body: "bob's text")
    let forgedFile = directory.file("forged.eml")
    try Data(forged).write(to: URL(fileURLWithPath: forgedFile))
    let imported = try run(["--format", "json", "email", "import", forgedFile, "--account", "bob-mail"], as: "bob")
    #expect(imported.status == 0, "\(imported.stderr)")
    let object = try imported.object()
    #expect(object["merged"] as? Int == 0)
    let bobEmail = try #require(object["id"] as? Int)
    #expect(bobEmail != aliceEmail)

    // Nothing of alice's email reached bob: body, raw bytes, attachments, explanation.
    for command in [
      ["email", "show", "\(aliceEmail)"], ["email", "show", "\(aliceEmail)", "--raw"],
      ["email", "attachment", "\(aliceEmail)"], ["email", "attachment", "\(aliceEmail)", "1"],
      ["explain", "\(aliceEmail)"],
    ] {
      let result = try run(command, as: "bob")
      #expect(result.status == 77, "\(command): \(result.status) \(result.stdout)")
      #expect(!result.stdout.contains("ALICE-ONLY-BODY") && !result.stdout.contains("secret terms"))
    }
    let bobsList = try run(["--format", "json", "email", "list"], as: "bob").array()
    #expect(bobsList.compactMap { $0["id"] as? Int } == [bobEmail])
    #expect(try run(["email", "show", "\(aliceEmail)"], as: "alice").stdout.contains("ALICE-ONLY-BODY"))
    let bobsOwn = try run(["--format", "json", "email", "show", "\(bobEmail)"], as: "bob").object()
    #expect(bobsOwn["messageId"] as? String == "<contract-7@acme.example>")
    #expect(bobsOwn["subject"] as? String == "anything")

    // Explain says why it was not merged, and who imported each file.
    let explained = try run(["explain", "\(bobEmail)"], as: "bob")
    #expect(explained.status == 0)
    #expect(
      explained.stdout.contains(
        "not merged with email:\(aliceEmail): same Message-ID, different From/Date/Subject/To/Cc fingerprint"),
      "\(explained.stdout)")
    #expect(explained.stdout.contains("imported from a file by bob"), "\(explained.stdout)")
    #expect(try run(["explain", "\(aliceEmail)"], as: "alice").stdout.contains("imported from a file by alice"))

    // The very same file again is the same message: merged, and the merge is on the record.
    let again = try run(["--format", "json", "email", "import", originalFile])
    #expect(try again.object()["merged"] as? Int == 1)
    #expect(try again.object()["id"] as? Int == aliceEmail)
    let admin = try run(["explain", "\(aliceEmail)"])
    #expect(admin.stdout.contains("merged a file imported by"), "\(admin.stdout)")
  }

  @Test func copiesDifferingOnlyInDeliveryHeadersAreTheSameMessage() throws {
    let store = try TestStore()
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    let headers = { (box: String) in
      [
        "Return-Path: <jane@acme.example>", "Delivered-To: \(box)@example.com",
        "Received: from mx.\(box).example by \(box).example; Mon, 16 Nov 2026 10:00:0\(box.count) +0000",
        "X-Spam-Score: \(box.count)",
      ]
    }
    // The same message as two mailboxes get it: the sender's headers folded and spaced
    // differently, addresses in another case and order, the Bcc dropped from one copy.
    let one = Self.message(
      id: "same-1@acme.example", from: "Jane Roe <jane@acme.example>", to: "alice@example.com, sales@example.com",
      subject: "Quarterly  report", body: "numbers", extraHeaders: headers("sales") + ["Bcc: boss@acme.example"])
    let two = Self.message(
      id: "same-1@acme.example", from: "\"Jane Roe\" <JANE@acme.example>", to: "SALES@example.com,\r\n alice@example.com",
      subject: "Quarterly\r\n report", body: "numbers", date: "16 Nov 2026 11:00:00 +0100", extraHeaders: headers("info"))
    var ids: [Int] = []
    for (name, bytes) in [("one.eml", one), ("two.eml", two)] {
      let path = store.directory.file(name)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      ids.append(try #require(try store.json(["email", "import", path]).object()["id"] as? Int))
    }
    #expect(ids[0] == ids[1])
    #expect(try store.json(["email", "list"]).array().count == 1)
  }

  /// Emails stored before migration 0003 have no fingerprint: it is computed from their kept raw
  /// header (or, without one, their stored From/To/Cc, subject and date) when a message with their
  /// Message-ID arrives, and written back.
  @Test func emailsStoredBeforeFingerprintsAreComparedByTheirStoredHeader() throws {
    let store = try TestStore()
    let original = Self.message(
      id: "old-1@acme.example", from: "Jane <jane@acme.example>", to: "alice@example.com", subject: "Old", body: "x")
    let forged = Self.message(
      id: "old-1@acme.example", from: "mallory@example.com", to: "alice@example.com", subject: "Old", body: "y")
    let originalFile = store.directory.file("o.eml")
    let forgedFile = store.directory.file("f.eml")
    try Data(original).write(to: URL(fileURLWithPath: originalFile))
    try Data(forged).write(to: URL(fileURLWithPath: forgedFile))
    let id = try #require(try store.json(["email", "import", originalFile]).object()["id"] as? Int)
    func sql(_ statement: String) throws { try store.execute(statement) }
    func fingerprint() throws -> String? { try store.text("SELECT fingerprint FROM email WHERE id = \(id)") }
    let computed = try #require(try fingerprint())
    #expect(computed.count == 64)
    try sql("UPDATE email SET fingerprint = NULL")
    let other = try store.json(["email", "import", forgedFile]).object()
    #expect(other["merged"] as? Int == 0)
    #expect(try fingerprint() == computed)  // from the raw header, written back
    try sql("UPDATE email SET fingerprint = NULL WHERE id = \(id)")
    #expect(try store.json(["email", "import", originalFile]).object()["id"] as? Int == id)
    // No raw message kept (as for mail composed here): the stored columns give the same value.
    try sql("UPDATE email SET fingerprint = NULL, raw_sha256 = NULL WHERE id = \(id)")
    let again = try store.json(["email", "import", originalFile]).object()
    #expect(again["id"] as? Int == id)
    #expect(again["merged"] as? Int == 1)
    #expect(try fingerprint() == computed)
  }
}

/// Fetching: a duplicate is recognised from its header (never downloading its body), while
/// different messages reusing one Message-ID on a server each become an email, and a reply
/// threads to the first of them stored.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct FetchMergeFingerprintTests {
  @Test func aDuplicateFromAnotherAccountIsMergedWithoutDownloadingItsBody() throws {
    let lab = try MailLab()
    let sales = try lab.mailbox("sales")
    let info = try lab.mailbox("info")
    lab.addAccount("sales", mailbox: sales)
    lab.addAccount("info", mailbox: info)
    let message = { (box: String) in
      SampleMessage.make(
        id: "shared-9@acme.example", to: "\(sales)@example.com, \(info)@example.com", subject: "Shared",
        body: "SHARED-BODY\n", headers: ["Delivered-To: \(box)@example.com", "X-Filtered-By: \(box)"])
    }
    try lab.dovecot.deliver(message(sales), to: sales)
    try lab.dovecot.deliver(message(info), to: info)
    #expect(try lab.fetch(["sales"]).accounts["sales"]?["new"] as? Int == 1)
    let second = lab.store.run(["fetch", "info", "--verbose", "--format", "json"])
    #expect(second.status == 0, "\(second.stderr)")
    let report = try second.object()
    let accounts = report["accounts"] as? [[String: Any]] ?? []
    #expect(accounts.first?["merged"] as? Int == 1)
    #expect(accounts.first?["new"] as? Int == 0)
    // The header pass fetched the header; no body was asked for or received.
    #expect(second.stderr.contains("BODY.PEEK[HEADER]"), "\(second.stderr)")
    #expect(!second.stderr.contains("BODY.PEEK[]"))
    #expect(!second.stderr.contains("SHARED-BODY"))
    let emails = try lab.store.json(["email", "list"]).array()
    #expect(emails.count == 1)
    #expect(emails.first?["accounts"] as? [String] == ["info", "sales"])
  }

  @Test func differentMessagesReusingOneMessageIDAreTwoEmailsAndARepliesThreadsToTheFirst() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("list")
    lab.addAccount("list", mailbox: box)
    try lab.store.json(["crm", "contact", "add", "Jane", "--email", "jane@acme.example"])
    // Broken list software stamps one Message-ID on two different posts.
    try lab.dovecot.deliver(
      [
        SampleMessage.make(id: "reused@lists.example", from: "jane@acme.example", subject: "First post", body: "one\n"),
        SampleMessage.make(
          id: "reused@lists.example", from: "joe@other.example", subject: "Second post", body: "two\n",
          date: "Mon, 16 Nov 2026 11:00:00 +0000"),
      ], to: box)
    let run = try lab.fetch()
    #expect(run.accounts["list"]?["new"] as? Int == 2)
    #expect(run.accounts["list"]?["merged"] as? Int == 0)
    let emails = try lab.store.json(["email", "list"]).array()
    let bySubject = Dictionary(uniqueKeysWithValues: emails.map { ($0["subject"] as? String ?? "", $0) })
    let first = try #require(bySubject["First post"]?["id"] as? Int)
    let second = try #require(bySubject["Second post"]?["id"] as? Int)
    #expect(first < second)
    let explained = try lab.store.run(["explain", "\(second)"]).stdout
    #expect(explained.contains("not merged with email:\(first): same Message-ID"), "\(explained)")
    #expect(!explained.contains("imported from a file"))
    // A rescan finds both stored and imports neither again.
    #expect(try lab.fetch().accounts["list"]?["new"] as? Int == 0)

    // A reply names the shared Message-ID: it threads to the first stored, and its parent.
    try lab.dovecot.deliver(
      SampleMessage.make(
        id: "reply-1@other.example", from: "stranger@elsewhere.example", subject: "Re: First post",
        headers: ["In-Reply-To: <reused@lists.example>", "References: <reused@lists.example>"]), to: box)
    #expect(try lab.fetch().accounts["list"]?["new"] as? Int == 1)
    let reply = try #require(
      try lab.store.json(["email", "list"]).array().first { $0["subject"] as? String == "Re: First post" })
    let firstParent = try #require(bySubject["First post"]?["parent"] as? String)
    #expect(reply["parent"] as? String == firstParent)
    let replyID = try #require(reply["id"] as? Int)
    let why = try lab.store.run(["explain", "\(replyID)"]).stdout
    #expect(why.contains("In-Reply-To <reused@lists.example> is email:\(first),"), "\(why)")
  }
}
