import EspoMailCore
import EspoMailCurl
import EspoMailIMAP
import EspoMailTestSupport
import Foundation
import Testing

/// A session on a hostile server: whatever it sends, the session fails in bounded time and memory
/// with a clear error (Docs/architecture.md, "Bounds on what a server can make espomail hold").
@Suite(.serialized) struct IMAPBoundsTests {
  /// Hostile servers stream at most 300 MB; the client must hang up long before that.
  static let streamedCeiling = 64 << 20

  /// A logged-in session on `server`.
  private func session(_ server: HostileIMAPServer, timeout: Double = 5) throws -> IMAPClient {
    try IMAPClient(
      connecting: IMAPEndpoint(
        host: "127.0.0.1", port: server.port, security: .none, username: "user", credential: .password("pw"),
        timeoutSeconds: timeout))
  }

  @Test func aHugeLiteralIsRefusedBeforeItsBytesAreRead() throws {
    let server = try HostileIMAPServer(.hugeLiteral)
    let session = try session(server)
    let error = try #require(throws: IMAPError.self) { try session.fetchHeaders(uids: [1]) }
    #expect(error.espoMailError.status == .protocolError, "\(error)")
    #expect(error.espoMailError.message.contains("999999999999-byte literal"), "\(error)")
    #expect(error.espoMailError.message.contains("MiB"), "\(error)")
    let streamed = try #require(server.streamedBytes())
    #expect(streamed < Self.streamedCeiling, "the client read \(streamed) bytes of the literal")
  }

  @Test func aLineThatNeverEndsIsRefused() throws {
    let server = try HostileIMAPServer(.longLine)
    let session = try session(server)
    let error = try #require(throws: IMAPError.self) { try session.fetchHeaders(uids: [1]) }
    #expect(error.espoMailError.status == .protocolError, "\(error)")
    #expect(error.espoMailError.message.contains("line"), "\(error)")
    let streamed = try #require(server.streamedBytes())
    #expect(streamed < Self.streamedCeiling, "the client read \(streamed) bytes of the line")
  }

  @Test func aHugeSearchResultIsRefused() throws {
    let server = try HostileIMAPServer(.hugeSearch)
    let session = try session(server)
    var count = 0
    let error = try #require(throws: IMAPError.self) { count = try session.uidSearch("ALL").count }
    #expect(count == 0)
    #expect(error.espoMailError.status == .protocolError, "\(error)")
    #expect(error.espoMailError.message.contains("SEARCH"), "\(error)")
  }

  /// 2 bytes a second never trip a 2-second read timeout; the command's deadline must.
  @Test func aDripFeedingServerHitsTheCommandDeadline() throws {
    let server = try HostileIMAPServer(.drip)
    let session = try session(server, timeout: 2)
    let start = ContinuousClock.now
    let error = try #require(throws: IMAPError.self) { try session.fetchHeaders(uids: [1]) }
    let elapsed = start.duration(to: .now)
    #expect(error.espoMailError.status == .tryAgain, "\(error)")
    #expect(error.espoMailError.message.contains("UID FETCH"), "\(error)")
    // The deadline is 2 × 2 s plus 1 s per 4 KiB received (a few dozen bytes here).
    #expect(elapsed < .seconds(12), "the session stayed \(elapsed) on a drip-feeding server")
  }
}
