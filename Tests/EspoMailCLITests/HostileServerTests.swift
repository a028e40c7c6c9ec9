import EspoMailTestSupport
import Foundation
import Testing

/// `espomail fetch` (the real binary) against a hostile IMAP server: that account fails with a clear
/// message and status in bounded time and memory, the others are fetched, and a password the
/// server echoes never shows (Docs/architecture.md, "Bounds on what a server can make espomail hold").
@Suite struct HostileServerTests {
  /// Adds an account on `server` to `store` with `password`.
  private func addHostileAccount(_ store: TestStore, _ server: HostileIMAPServer, password: String = "pw") {
    let result = store.run(
      [
        "account", "add", "hostile", "--group", "--address", "hostile@example.com", "--imap-host", "127.0.0.1",
        "--imap-port", "\(server.port)", "--security", "none", "--username", "user", "--password-stdin",
      ], stdin: password + "\n")
    #expect(result.status == 0, "\(result.stderr)")
  }

  /// Runs the binary under `/usr/bin/time`; returns its result (time's line removed) and peak RSS in KiB.
  private func runMeasured(_ arguments: [String], store: TestStore) throws -> (CommandResult, Int?) {
    let marker = "espomail-peak-rss-kib:"
    var result = try BinaryRunner.run(
      arguments, environment: store.environment, wrapper: ["/usr/bin/time", "-f", "\(marker)%M"])
    var lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let peak = lines.last { $0.hasPrefix(marker) }.flatMap { Int($0.dropFirst(marker.count)) }
    lines.removeAll { $0.hasPrefix(marker) }
    result.stderr = lines.joined(separator: "\n")
    return (result, peak)
  }

  @Test(.enabled(if: DovecotServer.shouldRun))
  func aHugeLiteralFailsThatAccountOnlyInBoundedMemory() throws {
    let lab = try MailLab()
    let box = try lab.mailbox("calm")
    lab.addAccount("calm", mailbox: box)
    try lab.dovecot.deliver(SampleMessage.make(), to: box)
    let server = try HostileIMAPServer(.hugeLiteral)
    addHostileAccount(lab.store, server)
    let (result, peak) = try runMeasured(["fetch", "--all", "--timeout", "5", "--format", "json"], store: lab.store)
    #expect(result.status == 76, "\(result.stderr)")
    let accounts = try #require(try result.object()["accounts"] as? [[String: Any]])
    let hostile = try #require(accounts.first { $0["name"] as? String == "hostile" })
    let calm = try #require(accounts.first { $0["name"] as? String == "calm" })
    #expect(calm["new"] as? Int == 1)
    #expect(hostile["status"] as? String == "failed")
    #expect(hostile["errorStatus"] as? Int == 76)
    let message = try #require(hostile["error"] as? String)
    #expect(message.contains("the IMAP server sent a 999999999999-byte literal"), "\(message)")
    #expect(message.contains("the limit for this account is 13 MiB (--max-size 10 plus margin)"), "\(message)")
    let peakKiB = try #require(peak, "no peak RSS from /usr/bin/time: \(result.stderr)")
    #expect(peakKiB < 256 * 1024, "peak RSS \(peakKiB) KiB")
    let health = try lab.store.json(["account", "status", "hostile"]).array()
    #expect((health.first?["lastError"] as? String)?.contains("999999999999-byte literal") == true)
  }

  @Test(arguments: [(HostileIMAPServer.Mode.manyHeaders, "headers"), (.manyBodies, "bodies")])
  func manyLiteralsUnderTheLimitStillFailInBoundedMemory(_ mode: HostileIMAPServer.Mode, _ what: String) throws {
    let store = try TestStore()
    let server = try HostileIMAPServer(mode)
    addHostileAccount(store, server)
    let start = ContinuousClock.now
    let (result, peak) = try runMeasured(["fetch", "--all", "--timeout", "5", "--format", "json"], store: store)
    #expect(ContinuousClock.now - start < .seconds(60))
    #expect(result.status == 76, "\(result.stderr)")
    let account = try #require((try result.object()["accounts"] as? [[String: Any]])?.first)
    let message = try #require(account["error"] as? String)
    #expect(message.contains("MiB of message \(what) for one fetch"), "\(message)")
    let peakKiB = try #require(peak, "no peak RSS from /usr/bin/time: \(result.stderr)")
    #expect(peakKiB < 256 * 1024, "peak RSS \(peakKiB) KiB")
  }

  /// NOTIFY makes servers send STATUS of other folders too; their counters are never read as the
  /// asked folder's (which would let its skip test pass over new mail).
  @Test func statusAnsweredForOtherFoldersOnlyFailsThatAccount() throws {
    let store = try TestStore()
    let server = try HostileIMAPServer(.otherFoldersStatus)
    addHostileAccount(store, server)
    let result = store.run(["fetch", "hostile", "--format", "json"])
    #expect(result.status == 76, "\(result.stderr)")
    let account = try #require((try result.object()["accounts"] as? [[String: Any]])?.first)
    let message = try #require(account["error"] as? String)
    #expect(message.contains("STATUS INBOX was answered for other folders only"), "\(message)")
    #expect(try store.json(["email", "list"]).array().isEmpty)
  }

  @Test func aDripFeedingServerFailsWithinTheDeadline() throws {
    let store = try TestStore()
    let server = try HostileIMAPServer(.drip)
    addHostileAccount(store, server)
    let start = ContinuousClock.now
    let result = try BinaryRunner.run(
      ["fetch", "--all", "--timeout", "2", "--format", "json"], environment: store.environment)
    let elapsed = start.duration(to: .now)
    #expect(result.status == 75, "\(result.stderr)")
    #expect(result.stdout.contains("did not complete UID FETCH within"), "\(result.stdout)")
    #expect(elapsed < .seconds(12), "fetch --timeout 2 ran \(elapsed) on a drip-feeding server")
  }

  @Test func aPasswordTheServerEchoesNeverShows() throws {
    let store = try TestStore()
    let later = try HostileIMAPServer(.echoLater)
    addHostileAccount(store, later, password: "s3cret-Pw9")
    let run = try BinaryRunner.run(
      ["fetch", "--all", "--verbose", "--format", "json"], environment: store.environment)
    #expect(run.status == 76, "\(run.stderr)")
    #expect(run.stderr.contains("[ALERT]"), "the trace should show the server's alert: \(run.stderr)")
    #expect(run.stdout.contains("invalid password"), "\(run.stdout)")
    #expect(!run.stderr.contains("s3cret-Pw9") && !run.stdout.contains("s3cret-Pw9"))
    let health = try store.json(["account", "status", "hostile"]).stdout
    #expect(health.contains("invalid password") && !health.contains("s3cret-Pw9"), "\(health)")

    let login = try HostileIMAPServer(.echoLogin)
    #expect(store.run(["account", "set", "hostile", "--imap-port", "\(login.port)"]).status == 0)
    let refused = try BinaryRunner.run(["fetch", "--all", "--verbose"], environment: store.environment)
    #expect(refused.status == 77, "\(refused.stderr)")
    #expect(refused.stderr.contains("NO [AUTHENTICATIONFAILED]"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("s3cret-Pw9"), "\(refused.stderr)")
  }
}
