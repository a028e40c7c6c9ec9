import EspoMailTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `fetch --watch` through the binary against a real Dovecot (IDLE), GNU imap4d (polling) and the
/// SMTP sink, on the run's store engine: mail imported as it arrives with its case, assignment and
/// auto-reply; SIGTERM leaving nothing half-done; a killed connection; accounts added and
/// deactivated while watching; two watch processes over the same accounts.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct WatchTests {
  /// Emails in the store, by subject.
  private func subjects(_ lab: MailLab) throws -> [String] {
    try lab.store.json(["email", "list", "--limit", "10000"]).array().compactMap { $0["subject"] as? String }
  }

  @Test(.enabled(if: SMTPSink.shouldRun))
  func arrivingMailBecomesAnAssignedCaseWithItsAutoReply() throws {
    let lab = try MailLab()
    try lab.store.json(["team", "add", "Support"])
    try lab.store.json(["user", "add", "ann", "--name", "Ann", "--team", "Support"])
    let box = try lab.mailbox("support")
    let sink = try SMTPSink.start(users: [box: "pw-\(box)"])
    defer { sink.stop() }
    let smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", "\(sink.port)", "--smtp-security", "none"]
    #expect(lab.addAccount("support", mailbox: box, extra: ["--team", "Support"] + smtp).status == 0)
    try lab.store.json(["template", "add", "ack", "--subject", "We got it: {email.subject}", "--body", "Thanks."])
    try lab.store.json(["account", "set", "support", "--auto-reply", "--reply-template", "ack"])
    try lab.store.json(["account", "set", "support", "--create-case", "--distribution", "round-robin", "--case-team", "Support"])

    let watch = try WatchProcess(["--format", "json", "--verbose", "--poll-interval", "600"], environment: lab.store.environment)
    #expect(watch.waitForNote("support: waiting in IDLE"), "\(watch.stderr)")
    try lab.dovecot.deliver(SampleMessage.make(from: "pat@cust.example", subject: "Printer on fire"), to: box)
    let replies = try sink.waitForMessages(count: 1, timeout: 10)
    #expect(replies.count == 1)
    #expect(WatchProcess.waitUntil { watch.jsonLines.contains { $0["new"] as? Int == 1 } }, "\(watch.stdout)")
    let batch = try #require(watch.jsonLines.first { $0["new"] as? Int == 1 })
    #expect(batch["name"] as? String == "support")
    #expect(batch["status"] as? String == "ok")
    #expect(batch["casesCreated"] as? Int == 1)
    #expect(batch["autoReplies"] as? Int == 1)
    let cases = try lab.store.json(["case", "list"]).array()
    #expect(cases.count == 1)
    #expect(cases.first?["assignedUser"] as? String == "ann", "\(cases)")

    #expect(watch.stop() == 0, "\(watch.stderr)")
    let after = try lab.fetch()
    #expect(after.status == 0, "\(after.result.stderr)")
    #expect(after.accounts["support"]?["new"] as? Int == 0)
    #expect(try subjects(lab) == ["Printer on fire"])
    #expect(try sink.messages().count == 1)
  }

  @Test func mailInAnotherMonitoredFolderArrivesThroughNotify() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("orders")
    try lab.dovecot.createFolder("Orders", for: box)
    #expect(lab.addAccount("orders", mailbox: box, extra: ["--folder", "INBOX", "--folder", "Orders"]).status == 0)
    // Without NOTIFY the Orders folder would be looked at only after the 600 s poll interval.
    let watch = try WatchProcess(["--verbose", "--poll-interval", "600"], environment: lab.store.environment)
    #expect(watch.waitForNote("orders: waiting in IDLE, other folders through NOTIFY"), "\(watch.stderr)")
    try lab.dovecot.deliver(SampleMessage.make(id: "order-1@test.example", subject: "Order 1"), to: box, folder: "Orders")
    #expect(try WatchProcess.waitUntil(timeout: 15) { try subjects(lab) == ["Order 1"] }, "\(watch.stderr)")
    // The IDLE folder still wakes the watch as before.
    try lab.dovecot.deliver(SampleMessage.make(id: "inbox-1@test.example", subject: "Inbox 1"), to: box)
    #expect(try WatchProcess.waitUntil(timeout: 15) { try subjects(lab).count == 2 }, "\(watch.stderr)")
    #expect(watch.stop() == 0, "\(watch.stderr)")
    let after = try lab.fetch()
    #expect(after.accounts["orders"]?["new"] as? Int == 0)
  }

  /// The leases' connection logs in as every other one does, with the password the URI carries
  /// (it once used the URI as shown, the password masked, and no account could be watched).
  @Test(.enabled(if: TestStore.engine == .postgresql))
  func aStoreURIWithAPasswordIsWatchedToo() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("sales")
    #expect(lab.addAccount("sales", mailbox: box).status == 0)
    let server = try PostgresServer.shared.get()
    let role = "watcher_\(UInt32.random(in: 1...UInt32.max))"
    try server.psql("CREATE ROLE \(role) LOGIN SUPERUSER PASSWORD 'Watch-42'")
    try server.requirePassword(for: role)
    var environment = lab.store.environment
    environment["ESPOMAIL_STORE"] = lab.store.path.replacingOccurrences(of: "//espomail@", with: "//\(role):Watch-42@")
    let watch = try WatchProcess(["--verbose", "--poll-interval", "600"], environment: environment)
    #expect(watch.waitForNote("sales: waiting in IDLE"), "\(watch.stderr)")
    try lab.dovecot.deliver(SampleMessage.make(subject: "Quote request"), to: box)
    #expect(try WatchProcess.waitUntil(timeout: 15) { try subjects(lab) == ["Quote request"] }, "\(watch.stderr)")
    #expect(watch.stop() == 0, "\(watch.stderr)")
    #expect(!watch.stderr.contains("Watch-42"))
  }

  @Test func sigtermMidImportLeavesNothingLostOrDuplicated() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("bulk")
    #expect(lab.addAccount("bulk", mailbox: box).status == 0)
    let messages = (1...400).map { SampleMessage.make(id: "bulk-\($0)@test.example", subject: "Bulk \($0)") }
    try lab.dovecot.deliver(messages, to: box)
    let watch = try WatchProcess(["--quiet"], environment: lab.store.environment)
    Thread.sleep(forTimeInterval: 0.4)
    #expect(watch.stop() == 0, "\(watch.stderr)")
    #expect(watch.stdout.isEmpty)
    #expect(watch.stderr.isEmpty, "quiet unless something is wrong: \(watch.stderr)")
    let after = try lab.fetch()
    #expect(after.status == 0, "\(after.result.stderr)")
    let stored = try subjects(lab)
    #expect(stored.count == 400)
    #expect(Set(stored).count == 400)
    #expect(try lab.dovecot.unseenCount(of: box) == 0)
  }

  @Test func aConnectionKilledMidImportIsReconnectedAndTheMessageImportedOnce() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("dropped")
    // The proxy drops the first connection once the server has sent 8,000 bytes: past the login,
    // the first fetch and the IDLE, inside the download of the 40 KB message below.
    let proxy = try FaultProxy(target: lab.dovecot.port, fault: .drop, afterBytes: 8_000)
    defer { proxy.stop() }
    #expect(lab.addAccount("dropped", mailbox: box, port: proxy.port).status == 0)
    let watch = try WatchProcess(["--verbose", "--poll-interval", "600"], environment: lab.store.environment)
    #expect(watch.waitForNote("dropped: waiting in IDLE"), "\(watch.stderr)")
    let big = String(repeating: "All work and no play makes Jack a dull boy.\n", count: 1_000)
    try lab.dovecot.deliver(SampleMessage.make(subject: "Through the drop", body: big), to: box)
    #expect(WatchProcess.waitUntil { watch.stderr.contains("warning: dropped: failed") }, "\(watch.stderr)")
    #expect(try WatchProcess.waitUntil(timeout: 15) { try subjects(lab) == ["Through the drop"] }, "\(watch.stderr)")
    try lab.dovecot.deliver(SampleMessage.make(subject: "After the drop"), to: box)
    #expect(try WatchProcess.waitUntil(timeout: 15) { try subjects(lab).count == 2 }, "\(watch.stderr)")
    #expect(watch.stop() == 0)
    #expect(Set(try subjects(lab)) == ["Through the drop", "After the drop"])
    #expect(try lab.dovecot.unseenCount(of: box) == 0)
  }

  @Test func accountsAddedAndDeactivatedWhileWatchingArePickedUpAndDropped() throws {
    let lab = try MailLab()
    let first = try lab.mailbox("first")
    let second = try lab.mailbox("second")
    #expect(lab.addAccount("first", mailbox: first).status == 0)
    let watch = try WatchProcess(["--verbose", "--rescan-interval", "1", "--poll-interval", "600"], environment: lab.store.environment)
    #expect(watch.waitForNote("first: waiting in IDLE"), "\(watch.stderr)")
    #expect(lab.addAccount("second", mailbox: second).status == 0)
    #expect(watch.waitForNote("second: waiting in IDLE"), "\(watch.stderr)")
    try lab.dovecot.deliver(SampleMessage.make(subject: "To the new one"), to: second)
    #expect(try WatchProcess.waitUntil { try subjects(lab) == ["To the new one"] })

    try lab.store.json(["account", "set", "first", "--inactive"])
    #expect(watch.waitForNote("first: no longer watched"), "\(watch.stderr)")
    try lab.dovecot.deliver(SampleMessage.make(subject: "To the inactive one"), to: first)
    Thread.sleep(forTimeInterval: 2)
    #expect(try subjects(lab) == ["To the new one"])
    #expect(watch.stop() == 0)
  }

  @Test func twoWatchProcessesImportEachMessageOnceAndTakeOverFromADeadOne() throws {
    let lab = try MailLab()
    var boxes: [String] = []
    for index in 1...4 {
      let box = try lab.mailbox("shared\(index)")
      boxes.append(box)
      #expect(lab.addAccount("shared\(index)", mailbox: box).status == 0)
    }
    let arguments = ["--verbose", "--rescan-interval", "1", "--poll-interval", "600"]
    let one = try WatchProcess(arguments, environment: lab.store.environment)
    let two = try WatchProcess(arguments, environment: lab.store.environment)
    #expect(WatchProcess.waitUntil { (one.stderr + two.stderr).components(separatedBy: "waiting in IDLE").count - 1 == 4 })
    #expect(WatchProcess.waitUntil { one.stderr.contains("busy") || two.stderr.contains("busy") })
    for (index, box) in boxes.enumerated() {
      try lab.dovecot.deliver((1...5).map { SampleMessage.make(subject: "Round one \(index)-\($0)") }, to: box)
    }
    #expect(try WatchProcess.waitUntil(timeout: 15) { try subjects(lab).count == 20 })
    kill(one.process.processIdentifier, SIGKILL)
    for (index, box) in boxes.enumerated() {
      try lab.dovecot.deliver((1...5).map { SampleMessage.make(subject: "Round two \(index)-\($0)") }, to: box)
    }
    #expect(try WatchProcess.waitUntil(timeout: 15) { try subjects(lab).count == 40 }, "\(two.stderr)")
    #expect(two.stop() == 0)
    let stored = try subjects(lab)
    #expect(stored.count == 40)
    #expect(Set(stored).count == 40)
  }

  @Test(arguments: IMAPServerKind.allCases.filter(\.shouldRun))
  func mailArrivesOnEitherServer(kind: IMAPServerKind) throws {
    let lab = try ServerLab(kind)
    let box = try lab.mailbox("either")
    #expect(lab.addAccount("either", mailbox: box).status == 0)
    let watch = try WatchProcess(["--verbose", "--poll-interval", "1"], environment: lab.store.environment)
    #expect(watch.waitForNote("either: "), "\(watch.stderr)")
    try box.deliver([SampleMessage.make(subject: "Seen on \(kind)")])
    let arrived = try WatchProcess.waitUntil(timeout: 15) {
      (try lab.store.json(["email", "list"]).array()).count == 1
    }
    let quarantine = lab.store.run(["quarantine", "list"]).stdout
    if kind == .imap4d, !arrived, quarantine.contains("empty input") {
      // imap4d lists a message another session is still appending, with no bytes; a poll that
      // lands then quarantines it (as a fetch from cron does, more rarely).
      withKnownIssue("imap4d shows a message mid-APPEND as empty", isIntermittent: true) {
        Issue.record("quarantined while being appended: \(quarantine)")
      }
      return
    }
    #expect(arrived, "\(quarantine) \(watch.stderr.suffix(3000))")
    #expect(watch.stop() == 0)
    let after = try lab.fetch()
    #expect(after.accounts["either"]?["new"] as? Int == 0)
  }
}
