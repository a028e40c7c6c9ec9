import EspoMailCore
import EspoMailCurl
@testable import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// IDLE against a real Dovecot: a delivery wakes the wait (in another folder too, after NOTIFY), a
/// quiet folder times out, a readable interrupt descriptor ends the wait, and DONE leaves the
/// session usable.
@Suite(.enabled(if: DovecotServer.shouldRun), .dovecot)
struct IMAPIdleTests {
  @Test func aDeliveryWakesTheWaitAndDoneLeavesTheSessionUsable() throws {
    let account = try TestAccount.make()
    try account.server.deliver([TestMessages.make(1)], to: account.user)
    let session = try account.session()
    defer { session.logout() }
    #expect(session.supportsIdle)
    _ = try session.examine("INBOX")
    #expect(try session.startIdle() == false)
    #expect(try session.waitInIdle(seconds: 0.3, interrupt: nil) == .timedOut)
    try account.server.deliver([TestMessages.make(2)], to: account.user)
    let started = Date()
    #expect(try session.waitInIdle(seconds: 20, interrupt: nil) == .changed)
    #expect(Date().timeIntervalSince(started) < 10)
    try session.stopIdle()
    #expect(!session.isIdling)
    #expect(try session.uidSearch("ALL") == [1, 2])
  }

  @Test func notifyReportsOtherFoldersAndTheirNewsWakesTheWait() throws {
    let account = try TestAccount.make()
    try account.server.createFolder("Orders", for: account.user)
    try account.server.deliver([TestMessages.make(1)], to: account.user, folder: "Orders")
    let session = try account.session()
    defer { session.logout() }
    #expect(session.supportsNotify)
    _ = try session.examine("INBOX")
    let statuses = try session.notify(folders: ["Orders", "No such folder"])
    #expect(statuses.keys.sorted() == ["Orders"])
    #expect(statuses["Orders"]?.messages == 1)
    #expect(statuses["Orders"]?.uidNext == 2)
    #expect(try session.startIdle() == false)
    try account.server.deliver([TestMessages.make(2)], to: account.user, folder: "Orders")
    #expect(try session.waitInIdle(seconds: 20, interrupt: nil) == .changed)
    try session.stopIdle()
    #expect(try session.status("Orders").messages == 2)
  }

  @Test func aReadableInterruptEndsTheWait() throws {
    let account = try TestAccount.make()
    let session = try account.session()
    defer { session.logout() }
    _ = try session.examine("INBOX")
    _ = try session.startIdle()
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    var byte: UInt8 = 1
    #expect(write(ends[1], &byte, 1) == 1)
    #expect(try session.waitInIdle(seconds: 20, interrupt: ends[0]) == .interrupted)
    try session.stopIdle()
    #expect(try session.status("INBOX").messages == 0)
  }
}

/// IDLE against scripted servers: what a server says during IDLE is read response by response and
/// dropped, within the session's limits.
struct ScriptedIdleTests {
  /// Answers IDLE with a go-ahead, DONE with a completion, anything else with OK.
  private static func responder(_ line: String) -> String {
    if line.hasSuffix("IDLE\r\n") { return "+ idling\r\n" }
    if line == "DONE\r\n" { return "E1 OK IDLE done\r\n" }
    return "\(ScriptedTransport.tag(of: line)) OK\r\n"
  }

  @Test func untaggedNewsWakesAndOtherTalkDoesNot() throws {
    let transport = ScriptedTransport(respond: Self.responder)
    let session = IMAPClient(transport: transport, timeoutSeconds: 1, trace: nil)
    #expect(try session.startIdle() == false)
    transport.push("* OK Still here\r\n* OK Still here\r\n")
    #expect(try session.waitInIdle(seconds: 0.1, interrupt: nil) == .timedOut)
    transport.push("* 4 EXPUNGE\r\n")
    #expect(try session.waitInIdle(seconds: 0.1, interrupt: nil) == .changed)
    try session.stopIdle()
    #expect(transport.sent.last == "DONE\r\n")
  }

  @Test func newsBeforeTheGoAheadIsReported() throws {
    let transport = ScriptedTransport { line in
      line.hasSuffix("IDLE\r\n") ? "* 3 EXISTS\r\n+ idling\r\n" : Self.responder(line)
    }
    let session = IMAPClient(transport: transport, timeoutSeconds: 1, trace: nil)
    #expect(try session.startIdle() == true)
  }

  @Test func anEndlessLineDuringIdleIsRefusedNotHeld() throws {
    let transport = ScriptedTransport(pieceSize: 1 << 16, respond: Self.responder)
    let session = IMAPClient(transport: transport, timeoutSeconds: 1, trace: nil)
    _ = try session.startIdle()
    transport.push("* OK " + String(repeating: "x", count: IMAPLimits.maximumLineBytes + 10))
    #expect(throws: IMAPError.self) { try session.waitInIdle(seconds: 5, interrupt: nil) }
    #expect(!session.isOpen)
    #expect(transport.isClosed)
  }

  @Test func aServerThatEndsTheIdleItselfWakesTheWait() throws {
    let transport = ScriptedTransport(respond: Self.responder)
    let session = IMAPClient(transport: transport, timeoutSeconds: 1, trace: nil)
    _ = try session.startIdle()
    transport.push("E1 OK IDLE terminated\r\n")
    #expect(try session.waitInIdle(seconds: 1, interrupt: nil) == .changed)
    #expect(!session.isIdling)
    try session.stopIdle()
    #expect(transport.sent.last == "E1 IDLE\r\n")
  }
}
