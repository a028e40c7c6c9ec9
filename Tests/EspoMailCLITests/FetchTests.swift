import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

/// Fetching real mail from a private Dovecot, through the command layer.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct FetchTests {
  @Test func importsOnceAndGivesMailToTheTeam() throws {
    let lab = try MailLab()
    try lab.store.json(["team", "add", "Support"])
    try lab.store.json(["user", "add", "alice", "--team", "Support"])
    try lab.store.json(["user", "add", "bob", "--email", "bob@example.com"])
    try lab.store.grantOwnMail("alice", "bob")
    let box = try lab.mailbox("support")
    #expect(lab.addAccount("support", mailbox: box, extra: ["--team", "Support"]).status == 0)
    try lab.dovecot.deliver(SampleMessage.make(subject: "One"), to: box)
    try lab.dovecot.deliver(SampleMessage.make(to: "bob@example.com", subject: "Two"), to: box)
    try lab.dovecot.deliver(SampleMessage.make(id: nil, subject: "No id"), to: box)
    let first = try lab.fetch()
    #expect(first.status == 0)
    #expect(first.accounts["support"]?["new"] as? Int == 3)
    #expect(first.accounts["support"]?["error"] is NSNull)
    let again = try lab.fetch()
    #expect(again.accounts["support"]?["new"] as? Int == 0)
    let emails = try lab.store.json(["email", "list"]).array()
    #expect(Set(emails.compactMap { $0["subject"] as? String }) == ["One", "Two", "No id"])
    let two = try #require(emails.first { $0["subject"] as? String == "Two" })
    #expect(two["users"] as? [String] == ["alice", "bob"])  // team member + addressee
    #expect(two["accounts"] as? [String] == ["support"])
    let alices = try lab.store.json(["email", "list", "--folder", "inbox"], as: "alice").array()
    #expect(alices.count == 3)
    let status = try lab.store.json(["account", "status", "support"]).array()
    #expect(status.first?["consecutiveFailures"] as? Int == 0)
    #expect((status.first?["ledger"] as? [String: Int])?["imported"] == 3)
  }

  @Test func theSameMessageInTwoAccountsIsOneEmail() throws {
    let lab = try MailLab()
    let sales = try lab.mailbox("sales")
    let info = try lab.mailbox("info")
    lab.addAccount("sales", mailbox: sales)
    lab.addAccount("info", mailbox: info)
    let message = SampleMessage.make(id: "shared-1@acme.example", to: "sales@example.com, info@example.com")
    try lab.dovecot.deliver(message, to: sales)
    try lab.dovecot.deliver(message, to: info)
    let run = try lab.fetch(["--jobs", "1", "--all"])
    let imported = (run.accounts["sales"]?["new"] as? Int ?? 0) + (run.accounts["info"]?["new"] as? Int ?? 0)
    let merged = (run.accounts["sales"]?["merged"] as? Int ?? 0) + (run.accounts["info"]?["merged"] as? Int ?? 0)
    #expect(imported == 1)
    #expect(merged == 1)
    let emails = try lab.store.json(["email", "list"]).array()
    #expect(emails.count == 1)
    #expect(emails.first?["accounts"] as? [String] == ["info", "sales"])
  }

  @Test func seenFlagsFollowKeepUnread() throws {
    let lab = try MailLab()
    let marked = try lab.mailbox("marked")
    let unread = try lab.mailbox("unread")
    lab.addAccount("marked", mailbox: marked)
    lab.addAccount("unread", mailbox: unread, extra: ["--keep-unread"])
    try lab.dovecot.deliver(SampleMessage.make(), to: marked)
    try lab.dovecot.deliver(SampleMessage.make(), to: unread)
    #expect(try lab.fetch().status == 0)
    func flags(_ user: String) throws -> [String] {
      let session = try IMAPClient(
        connecting: IMAPEndpoint(
          host: "127.0.0.1", port: lab.dovecot.port, security: .none, username: user,
          credential: .password("pw-\(user)")))
      defer { session.logout() }
      _ = try session.examine("INBOX")
      return try session.fetchHeaders(uids: [1]).first?.flags ?? []
    }
    #expect(try flags(marked).contains("\\Seen"))
    #expect(try !flags(unread).contains("\\Seen"))
  }

  @Test func aWrongPasswordFailsOnlyThatAccount() throws {
    let lab = try MailLab()
    let good = try lab.mailbox("good")
    let bad = try lab.mailbox("bad")
    lab.addAccount("good", mailbox: good)
    lab.addAccount("bad", mailbox: bad, password: "wrong")
    try lab.dovecot.deliver(SampleMessage.make(), to: good)
    let run = try lab.fetch()
    #expect(run.status == 77)
    #expect(run.accounts["good"]?["new"] as? Int == 1)
    #expect(run.accounts["bad"]?["status"] as? String == "failed")
    #expect(run.result.stderr.contains("bad: failed"))
    #expect(!run.result.stdout.contains("pw-") && !run.result.stderr.contains("wrong"))
    _ = try lab.fetch()
    let status = try lab.store.json(["account", "status", "bad"]).array()
    #expect(status.first?["consecutiveFailures"] as? Int == 2)
    #expect(status.first?["lastError"] is String)
    let test = lab.store.run(["account", "test", "bad", "--format", "json"])
    #expect(test.status == 77)
    #expect((try test.object()["failedStep"] as? String) == "login")
  }

  @Test func verboseShowsTheConversationButNeverThePassword() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("verbose")
    lab.addAccount("verbose", mailbox: box)
    try lab.dovecot.deliver(SampleMessage.make(), to: box)
    let result = lab.store.run(["fetch", "--all", "--verbose"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("espomail: trace: verbose:"))
    #expect(result.stderr.contains("UID FETCH"))
    #expect(!result.stderr.contains("pw-\(box)"))
    let encoded = Data("\u{0}\(box)\u{0}pw-\(box)".utf8).base64EncodedString()
    #expect(!result.stderr.contains(encoded))
    #expect(!lab.store.run(["fetch", "--all"]).stderr.contains("trace:"))  // quiet without --verbose
  }

  @Test func aMissingFolderIsReportedByName() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("folders")
    lab.addAccount("folders", mailbox: box, extra: ["--folder", "INBOX", "--folder", "Nowhere"])
    let run = try lab.fetch()
    #expect(run.status == 66)
    #expect((run.accounts["folders"]?["error"] as? String)?.contains("Nowhere") == true)
    let test = lab.store.run(["account", "test", "folders", "--format", "json"])
    #expect(test.status == 66)
    #expect((try test.object()["missingFolders"] as? [String]) == ["Nowhere"])
  }

  @Test func aFolderNameWithQuotesAndBackslashesIsFetched() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("quotes")
    let folder = #"Say "hi" \ bye"#
    try lab.dovecot.createFolder(folder, for: box)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Quoted"), to: box, folder: folder)
    let added = lab.addAccount("quotes", mailbox: box, extra: ["--folder", folder])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(lab.store.run(["account", "test", "quotes"]).status == 0)
    #expect(try lab.fetch().accounts["quotes"]?["new"] as? Int == 1)
  }

  /// A missing monitored folder fails alone: the folders after it are still fetched, on every
  /// run, and so are those around a folder deleted on the server later.
  @Test func aMissingFolderDoesNotStarveTheOthers() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("starve")
    try lab.dovecot.deliver(SampleMessage.make(subject: "One"), to: box, folder: "F001")
    try lab.dovecot.deliver(SampleMessage.make(subject: "Two"), to: box, folder: "F002")
    try lab.dovecot.deliver(SampleMessage.make(subject: "Three"), to: box, folder: "F003")
    let folders = ["F001", "Nope", "F002", "F003"].flatMap { ["--folder", $0] }
    #expect(lab.addAccount("starve", mailbox: box, extra: folders).status == 0)
    let first = try lab.fetch()
    #expect(first.status == 66)
    let report = first.accounts["starve"]
    #expect(report?["status"] as? String == "failed")
    #expect(report?["new"] as? Int == 3)
    #expect((report?["error"] as? String)?.contains("Nope") == true)
    let folderErrors = report?["folderErrors"] as? [[String: Any]]
    #expect(folderErrors?.compactMap { $0["folder"] as? String } == ["Nope"])
    #expect(folderErrors?.first?["errorStatus"] as? Int == 66)
    #expect(first.result.stderr.contains("starve: failed"))
    // Deleted on the server later: the folders before and after it still get their new mail.
    try lab.dovecot.deleteFolder("F002", for: box)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Four"), to: box, folder: "F001")
    try lab.dovecot.deliver(SampleMessage.make(subject: "Five"), to: box, folder: "F003")
    let second = try lab.fetch()
    #expect(second.status == 66)
    #expect(second.accounts["starve"]?["new"] as? Int == 2)
    let secondErrors = second.accounts["starve"]?["folderErrors"] as? [[String: Any]]
    #expect(secondErrors?.compactMap { $0["folder"] as? String } == ["Nope", "F002"])
    let emails = try lab.store.json(["email", "list"]).array()
    #expect(Set(emails.compactMap { $0["subject"] as? String }) == ["One", "Two", "Three", "Four", "Five"])
    let status = try lab.store.json(["account", "status", "starve"]).array().first
    #expect(status?["consecutiveFailures"] as? Int == 2)
    #expect((status?["lastError"] as? String)?.contains("F002") == true)
    let text = lab.store.run(["fetch", "--all"])
    #expect(text.status == 66)
    #expect(text.stdout.contains("starve: failed in folder(s) Nope, F002: 0 new"), "\(text.stdout)")
    #expect(text.stderr.contains("folder 'Nope'"))
  }

  @Test func bigMessagesAreFetchedInChunksOfBoundedBytes() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("big")
    lab.addAccount("big", mailbox: box)
    let body = String(repeating: String(repeating: "x", count: 76) + "\n", count: 5 * 1024 * 1024 / 77)
    try lab.dovecot.deliver((0..<24).map { SampleMessage.make(subject: "Big \($0)", body: body) }, to: box)
    let marker = "espomail-peak-rss-kib:"
    let result = try BinaryRunner.run(
      ["fetch", "--all", "--format", "json"], environment: lab.store.environment,
      wrapper: ["/usr/bin/time", "-f", "\(marker)%M"])
    #expect(result.status == 0, "\(result.stderr)")
    let peak = result.stderr.split(separator: "\n").last { $0.hasPrefix(marker) }.flatMap { Int($0.dropFirst(marker.count)) }
    let peakKiB = try #require(peak)
    // 120 MB of mail in chunks of at most 8 MiB, two in flight: 189 MB measured (420 MB in one
    // chunk of 24 messages before chunks were bounded in bytes).
    #expect(peakKiB < 256 * 1024, "peak RSS \(peakKiB) KiB")
    #expect(try lab.store.json(["email", "list", "--limit", "100"]).array().count == 24)
  }

  @Test(arguments: ["Bad*Name", "Trailing/", "/Absolute", "a//b", "~home", "..", "Nope"])
  func anInvalidFolderNameHasOneStatusInFetchAndTest(_ name: String) throws {
    let lab = try MailLab()
    let box = try lab.mailbox("invalid")
    #expect(lab.addAccount("invalid", mailbox: box, extra: ["--folder", "INBOX", "--folder", name]).status == 0)
    let tested = lab.store.run(["account", "test", "invalid"])
    let fetched = try lab.fetch()
    #expect(tested.status == 66, "\(tested.stderr)")
    #expect(fetched.status == 66, "\(fetched.result.stdout)")
  }

  @Test func aUIDValidityResetDuplicatesNothing() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("reset")
    lab.addAccount("reset", mailbox: box, extra: ["--folder", "Cases"])
    try lab.dovecot.createFolder("Cases", for: box)
    let kept = [SampleMessage.make(subject: "A"), SampleMessage.make(id: nil, subject: "B")]
    try lab.dovecot.deliver(kept, to: box, folder: "Cases")
    #expect(try lab.fetch().accounts["reset"]?["new"] as? Int == 2)
    try lab.dovecot.deleteFolder("Cases", for: box)
    try lab.dovecot.createFolder("Cases", for: box)
    try lab.dovecot.deliver(kept + [SampleMessage.make(subject: "C")], to: box, folder: "Cases")
    let run = try lab.fetch()
    #expect(run.accounts["reset"]?["new"] as? Int == 1)
    #expect(run.accounts["reset"]?["merged"] as? Int == 2)
    #expect(try lab.store.json(["email", "list"]).array().count == 3)
    // account status counts the folder as the server numbers it now, not the old UIDVALIDITY too.
    let status = try #require(try lab.store.json(["account", "status", "reset"]).array().first)
    let ledger = try #require(status["ledger"] as? [String: Int])
    #expect(ledger.values.reduce(0, +) == 3, "\(ledger)")
  }

  /// Malformed but readable messages are fetched like any other (Docs/mail-parsing.md): imported,
  /// with a `parse` decision; only what is no email at all is quarantined.
  @Test func malformedButReadableMessagesAreFetchedNotQuarantined() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("lenient")
    lab.addAccount("lenient", mailbox: box)
    let head = "From: Lee <lee@example.com>\r\nTo: lenient@example.com\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n"
    try lab.dovecot.deliver(Array(("\r\n \r\n" + head + "Subject: Blank first\r\nMessage-ID: <l1@x>\r\n\r\nOne\r\n").utf8), to: box)
    try lab.dovecot.deliver(
      Array(("From lee@example.com Tue Dec  1 10:00:00 2026\r\n" + head + "Subject: Mbox\r\nMessage-ID: <l2@x>\r\n\r\nTwo\r\n").utf8),
      to: box)
    try lab.dovecot.deliver(Array((head + "Subject: Headless\r\nMessage-ID: <l3@x>\r\nThree, no blank line\r\n").utf8), to: box)
    try lab.dovecot.deliver(Array("\u{1}\u{2} this is not an email\n".utf8), to: box)
    let run = try lab.fetch()
    #expect(run.accounts["lenient"]?["new"] as? Int == 3)
    #expect(run.accounts["lenient"]?["quarantined"] as? Int == 1)
    let listed = try lab.store.json(["email", "list"]).array()
    let bySubject = Dictionary(uniqueKeysWithValues: listed.compactMap { row in (row["subject"] as? String).map { ($0, row) } })
    for (subject, reason) in [("Blank first", "leading-blank-lines"), ("Mbox", "mbox-envelope"), ("Headless", "no-blank-line-after-header")] {
      let id = try #require(bySubject[subject]?["id"] as? Int, "\(subject) in \(bySubject.keys.sorted())")
      let decisions = try lab.store.json(["explain", "\(id)"]).object()["decisions"] as? [[String: Any]] ?? []
      let parse = decisions.filter { $0["step"] as? String == "parse" }.compactMap { $0["detail"] as? String }
      #expect(parse.contains { $0.hasPrefix(reason + ":") }, "\(subject): \(parse)")
      #expect(bySubject[subject]?["from"] as? String == "Lee <lee@example.com>")
    }
  }

  @Test func anUnparseableMessageIsQuarantinedAndTheRestImported() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("broken")
    lab.addAccount("broken", mailbox: box)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Before"), to: box)
    try lab.dovecot.deliver(Array("\u{1}\u{2} this is not an email\n".utf8), to: box)
    try lab.dovecot.deliver(SampleMessage.make(subject: "After"), to: box)
    let run = try lab.fetch()
    #expect(run.status == 0)
    #expect(run.accounts["broken"]?["new"] as? Int == 2)
    #expect(run.accounts["broken"]?["quarantined"] as? Int == 1)
    let held = try lab.store.json(["quarantine", "list"]).array()
    #expect(held.count == 1)
    #expect(held.first?["folder"] as? String == "INBOX")
    let id = try #require(held.first?["id"] as? Int)
    let raw = lab.store.run(["quarantine", "show", "\(id)", "--raw"])
    #expect(raw.stdout.contains("this is not an email"))
    #expect(lab.store.run(["quarantine", "retry", "\(id)"]).status == 65)  // still broken
    try lab.store.json(["quarantine", "drop", "\(id)"])
    #expect(try lab.store.json(["quarantine", "list"]).array().isEmpty)
    #expect(try lab.fetch().accounts["broken"]?["quarantined"] as? Int == 0)  // settled once
  }

  @Test func bigMessagesAreImportedHeaderOnly() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("big")
    lab.addAccount("big", mailbox: box, extra: ["--max-size", "1"])
    let line = String(repeating: "0123456789abcdef", count: 4) + "\n"
    let body = String(repeating: line, count: 11 * 1_048_576 / line.utf8.count)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Huge", body: body), to: box)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Small"), to: box)
    let run = try lab.fetch()
    #expect(run.accounts["big"]?["new"] as? Int == 2)
    #expect(run.accounts["big"]?["tooLarge"] as? Int == 1)
    let huge = try #require(try lab.store.json(["email", "list"]).array().first { $0["subject"] as? String == "Huge" })
    #expect(huge["isHeaderOnly"] as? Bool == true)
    // The notice gives the size to a tenth of a megabyte (11 MiB of lines, 11.2 with CRLF line
    // ends), never cut down by integer division, which said "11 MB".
    let shown = try lab.store.json(["email", "show", "\(try #require(huge["id"] as? Int))"]).object()
    #expect((shown["bodyPlain"] as? String)?.contains("This message is 11.2 MB, over the account's size limit") == true, "\(shown["bodyPlain"] ?? "")")
  }

  @Test func tricksOfTheProtocolSurviveTheRoundTrip() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("tricky")
    lab.addAccount("tricky", mailbox: box)
    let body = "* 3 FETCH (UID 99 FLAGS (\\Seen))\nA004 OK Fetch completed.\n" + String(repeating: "x", count: 40_000) + "\nend\n"
    try lab.dovecot.deliver(SampleMessage.make(subject: "Tricky", body: body), to: box)
    #expect(try lab.fetch().accounts["tricky"]?["new"] as? Int == 1)
    let id = try #require(try lab.store.json(["email", "list"]).array().first?["id"] as? Int)
    let shown = try lab.store.json(["email", "show", "\(id)"]).object()
    #expect((shown["bodyPlain"] as? String)?.contains("A004 OK Fetch completed.") == true)
    #expect((shown["bodyPlain"] as? String)?.hasSuffix("end\n") == true || (shown["bodyPlain"] as? String)?.hasSuffix("end") == true)
  }

  @Test func implicitTLSAndSTARTTLSWithTheTestCertificate() throws {
    let lab = try MailLab()
    let tls = try lab.mailbox("tls")
    let starttls = try lab.mailbox("starttls")
    lab.addAccount("tls", mailbox: tls, security: "tls")
    lab.addAccount("starttls", mailbox: starttls, security: "starttls")
    try lab.dovecot.deliver(SampleMessage.make(), to: tls)
    try lab.dovecot.deliver(SampleMessage.make(), to: starttls)
    let untrusted = try lab.fetch()
    #expect(untrusted.status == 69)  // the self-signed certificate is not trusted by default
    let trusted = try lab.fetch(environment: ["ESPOMAIL_CA_FILE": lab.dovecot.certificatePath])
    #expect(trusted.status == 0, "\(trusted.result.stderr)")
    #expect(trusted.accounts["tls"]?["new"] as? Int == 1)
    #expect(trusted.accounts["starttls"]?["new"] as? Int == 1)
  }

  @Test func anAccountCarriesItsOwnCAFile() throws {
    let lab = try MailLab()
    let tls = try lab.mailbox("own-ca")
    lab.addAccount("own-ca", mailbox: tls, security: "tls")
    try lab.dovecot.deliver(SampleMessage.make(), to: tls)
    let untrusted = try lab.fetch()
    #expect(untrusted.status == 69)
    let account = try #require(untrusted.accounts["own-ca"])
    #expect((account["error"] as? String)?.contains("certificate is not trusted") == true, "\(account)")
    #expect((account["errorHint"] as? String)?.contains("--ca-file") == true)
    #expect(lab.store.run(["account", "set", "own-ca", "--ca-file", "relative.pem"]).status == 65)
    #expect(lab.store.run(["account", "set", "own-ca", "--ca-file", "/nonexistent/ca.pem"]).status == 65)
    let set = try lab.store.json(["account", "set", "own-ca", "--ca-file", lab.dovecot.certificatePath]).object()
    #expect(set["caFile"] as? String == lab.dovecot.certificatePath)
    // No ESPOMAIL_CA_FILE, as under cron: the account's own CA file is enough.
    let trusted = try lab.fetch()
    #expect(trusted.status == 0, "\(trusted.result.stderr)")
    #expect(trusted.accounts["own-ca"]?["new"] as? Int == 1)
  }

  @Test func dryRunChangesNothing() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("dry")
    lab.addAccount("dry", mailbox: box)
    try lab.dovecot.deliver([SampleMessage.make(), SampleMessage.make()], to: box)
    let dry = try lab.fetch(["--all", "--dry-run"])
    #expect(dry.accounts["dry"]?["status"] as? String == "dry-run")
    #expect(dry.accounts["dry"]?["new"] as? Int == 2)
    #expect(try lab.store.json(["email", "list"]).array().isEmpty)
    #expect(try lab.fetch().accounts["dry"]?["new"] as? Int == 2)
  }

  @Test func portionsResumeWhereTheyStopped() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("portion")
    lab.addAccount("portion", mailbox: box, extra: ["--portion", "2"])
    try lab.dovecot.deliver((1...5).map { SampleMessage.make(subject: "M\($0)") }, to: box)
    #expect(try lab.fetch().accounts["portion"]?["new"] as? Int == 2)
    #expect(try lab.fetch().accounts["portion"]?["new"] as? Int == 2)
    #expect(try lab.fetch().accounts["portion"]?["new"] as? Int == 1)
    #expect(try lab.fetch().accounts["portion"]?["new"] as? Int == 0)
    #expect(try lab.store.json(["email", "list"]).array().count == 5)
  }
}
