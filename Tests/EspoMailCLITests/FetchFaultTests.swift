import EspoMailTestSupport
import Foundation
import Testing

/// A killed fetch and overlapping fetches never lose or duplicate mail (real binary, real Dovecot).
@Suite(.enabled(if: DovecotServer.shouldRun), .serialized) struct FetchFaultTests {
  /// A lab with one group account over `count` generated messages, driven through the binary;
  /// `port` puts a proxy between the account and the server.
  private func lab(count: Int, port: Int? = nil, extra: [String] = []) throws -> (MailLab, [String: String], String) {
    let lab = try MailLab()
    let box = try lab.mailbox("bulk")
    #expect(lab.addAccount("bulk", mailbox: box, port: port, extra: ["--portion", "100000"] + extra).status == 0)
    try lab.dovecot.deliver(messages(count), to: box)
    return (lab, lab.store.environment, box)
  }

  private func messages(_ count: Int) -> [[UInt8]] {
    (1...count).map {
      SampleMessage.make(
        id: $0 % 10 == 0 ? nil : "bulk-\($0)@test.example", subject: "Message \($0)",
        body: String(repeating: "Line of text for message \($0).\n", count: 40))
    }
  }

  private func ledger(_ lab: MailLab) throws -> [String: Int] {
    let status = try lab.store.json(["account", "status", "bulk"]).array()
    return (status.first?["ledger"] as? [String: Int]) ?? [:]
  }

  private func settledCount(_ lab: MailLab) throws -> Int { try ledger(lab).values.reduce(0, +) }

  /// Kills at random moments of a first sync (five of a 1,000-message sync by default, ten of a
  /// 2,000-message sync with `ESPOMAIL_HEAVY_FAULTS=1`), then a run to the end: every message is
  /// imported exactly once and none is left unread on the server, whichever step each kill hit.
  /// The account reads through a slow link (1 MB/s), as from a remote server: downloading a chunk
  /// then takes longer than writing the one before, so many kills land between a chunk's commit
  /// and its `\Seen` store (which waits for the next chunk's download), not only in the writes.
  @Test func aKilledFetchResumesWithoutDuplicates() throws {
    let heavy = ProcessInfo.processInfo.environment["ESPOMAIL_HEAVY_FAULTS"] == "1"
    let count = heavy ? 2000 : 1000
    let link = try FaultProxy(target: try MailLab.server.get().port, bytesPerSecond: 1_000_000)
    defer { link.stop() }
    let (lab, environment, box) = try lab(count: count, port: link.port)
    var kills = 0
    var trail: [String] = []
    let delays = (1...(heavy ? 10 : 5)).map { _ in Double.random(in: 0.3...1.5) }
    for delay in delays {
      let process = try BinaryRunner.start(["fetch", "--all", "--quiet"], environment: environment)
      Thread.sleep(forTimeInterval: delay)
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
      trail.append("killed after \(Int(delay * 1000)) ms: \(try settledCount(lab)) settled, \(try lab.dovecot.unseenCount(of: box)) unread")
    }
    let finish = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    #expect(finish.status == 0, "\(finish.stderr)")
    let emails = try lab.store.json(["email", "list", "--limit", "10000"]).array()
    #expect(emails.count == count)
    #expect(Set(emails.compactMap { $0["messageId"] as? String }).count == count)
    #expect(try settledCount(lab) == count)
    #expect(kills >= 1, "no run was still going when killed; the test proved nothing")
    #expect(try lab.dovecot.unseenCount(of: box) == 0, "\(trail.joined(separator: "; "))")
    let again = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    #expect((try again.object()["accounts"] as? [[String: Any]])?.first?["new"] as? Int == 0)
  }

  /// A kill after a chunk's commit and before its `\Seen` store (the proxy holds the STORE): the
  /// next run sets the flag on those messages, although it has nothing new to import for them.
  @Test func aKillBeforeTheSeenStoreIsMadeGoodByTheNextRun() throws {
    let gate = try CommandGateProxy(target: try MailLab.server.get().port, holding: "UID STORE")
    defer { gate.stop() }
    // A chunk is 200 messages, 400 on PostgreSQL (FetchRun.chunkScale): a chunk and a half.
    let chunk = TestStore.engine == .postgresql ? 400 : 200
    let count = chunk + chunk / 2
    let (lab, environment, box) = try lab(count: count, port: gate.port)
    let process = try BinaryRunner.start(["fetch", "--all", "--quiet"], environment: environment)
    let held = gate.waitUntilHeld()
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    gate.release(forward: false)
    #expect(held, "the fetch never sent its UID STORE")
    #expect(try settledCount(lab) == chunk)  // the first chunk committed, its \Seen never stored
    let unseenAfterKill = try lab.dovecot.unseenCount(of: box)
    #expect(unseenAfterKill == count)
    let finish = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    #expect(finish.status == 0, "\(finish.stderr)")
    #expect((try finish.object()["accounts"] as? [[String: Any]])?.first?["new"] as? Int == count - chunk)
    #expect(try lab.dovecot.unseenCount(of: box) == 0)
    #expect(try lab.store.json(["email", "list", "--limit", "1000"]).array().count == count)
  }

  /// Messages expunged by another client between the header pass and the body download (the
  /// server answers `BODY[] NIL`), and before the header pass (`BODY[HEADER] NIL`): settled as
  /// expunged, nothing quarantined, the others imported once, nothing for the next run.
  @Test(arguments: ["BODY.PEEK[])", "BODY.PEEK[HEADER])"])
  func messagesExpungedDuringARunAreSettledAsExpunged(heldCommand: String) throws {
    let gate = try CommandGateProxy(target: try MailLab.server.get().port, holding: heldCommand)
    defer { gate.stop() }
    let (lab, environment, box) = try lab(count: 30, port: gate.port)
    let gone: [UInt32] = [3, 17, 30]
    let dovecot = lab.dovecot
    let expunger = Thread {
      if gate.waitUntilHeld() { try? dovecot.expunge(uids: gone, of: box) }
      gate.release()
    }
    expunger.start()
    let run = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    let report = (try run.object()["accounts"] as? [[String: Any]])?.first
    #expect(report?["new"] as? Int == 27)
    #expect(report?["expunged"] as? Int == 3)
    #expect(report?["quarantined"] as? Int == 0)
    #expect(try ledger(lab) == ["imported": 27, "expunged": 3])
    #expect(try lab.store.json(["quarantine", "list"]).array().isEmpty)
    #expect(try lab.store.json(["email", "list", "--limit", "100"]).array().count == 27)
    let again = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    #expect((try again.object()["accounts"] as? [[String: Any]])?.first?["new"] as? Int == 0)
  }

  @Test func overlappingRunsSkipBusyAccounts() throws {
    let (lab, environment, _) = try lab(count: 1500)
    let first = try BinaryRunner.start(["fetch", "--all", "--quiet"], environment: environment)
    Thread.sleep(forTimeInterval: 0.1)
    let second = try BinaryRunner.run(["fetch", "--all", "--format", "json"], environment: environment)
    first.waitUntilExit()
    let health = (try? lab.store.json(["account", "status", "bulk"]).array()) ?? []
    let dovecotSays = lab.dovecot.logText().split(separator: "\n")
      .filter { $0.localizedCaseInsensitiveContains("bulk") || $0.contains("rror") || $0.contains("arning") || $0.contains("limit") }
      .suffix(30).joined(separator: "\n")
    // Which run takes the account's lease first is up to the scheduler (on a loaded machine the
    // second may start before the first gets there): one of them fetches it, the other finds it busy
    // (75) or, when the first one already finished, has nothing left to do.
    let statuses = [first.terminationStatus, second.status].sorted()
    #expect(statuses == [0, 0] || statuses == [0, 75], "first: \(first.terminationStatus) \(health)\nsecond: \(second.status) \(second.stderr)\nDovecot: \(dovecotSays)")
    if second.status == 75 {
      let report = try second.object()["accounts"] as? [[String: Any]]
      #expect(report?.first?["status"] as? String == "busy")
      #expect(second.stderr.contains("bulk: busy"))
    }
    let emails = try lab.store.json(["email", "list", "--limit", "10000"]).array()
    #expect(emails.count == 1500)
    #expect(try settledCount(lab) == 1500)
  }
}
