import EspoMailCurl
@testable import EspoMailIMAP

/// A fake server: every `send` is answered by `respond`, and replies are served in small pieces
/// so responses arrive split at awkward places.
final class ScriptedTransport: IMAPTransport {
  /// Produces the server's reply to what the session just sent (the whole `send` as text).
  private let respond: (String) -> String
  /// Bytes served per `receive`.
  private let pieceSize: Int
  /// Replies not yet read.
  private var pending: [UInt8] = []
  /// Everything the session sent, one entry per `send`.
  private(set) var sent: [String] = []
  /// Whether the session closed the transport.
  private(set) var isClosed = false
  /// Whether the fake server drops the connection once its replies are read.
  var hangsUpWhenDrained = false

  /// Creates a script.
  init(pieceSize: Int = 5, respond: @escaping (String) -> String) {
    self.pieceSize = pieceSize
    self.respond = respond
  }

  /// Records the bytes and queues the reply.
  func send(_ bytes: [UInt8]) throws {
    guard !isClosed else { throw TransferError(code: 55, summary: "Failed sending data to the peer") }
    let text = String(decoding: bytes, as: UTF8.self)
    sent.append(text)
    pending += Array(respond(text).utf8)
  }

  /// Serves the next piece; times out (or hangs up) when the script has nothing more to say.
  func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Double) throws -> Int {
    guard !pending.isEmpty else {
      if hangsUpWhenDrained {
        throw TransferError(code: 56, summary: "Failure when receiving data from the peer", detail: "closed")
      }
      throw TransferError(code: 28, summary: "Timeout was reached", detail: "the script has nothing more to say")
    }
    let count = min(pieceSize, buffer.count, pending.count)
    for index in 0..<count { buffer[index] = pending[index] }
    pending.removeFirst(count)
    return count
  }

  /// Serves the next piece, or nothing when the script has nothing queued.
  func receiveAvailable(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    pending.isEmpty ? 0 : try receive(into: buffer, timeout: 0)
  }

  /// Readable when replies are queued; else the script has nothing more to say and the wait times
  /// out at once (the scripted server never speaks unasked), unless `interruptsWaits` is set.
  func waitReadable(seconds: Double, interrupt: Int32?) throws -> SocketReadiness {
    if !pending.isEmpty { return .readable }
    return interruptsWaits ? .interrupted : .timedOut
  }

  /// Queues bytes the server sends unasked (IDLE's untagged responses).
  func push(_ text: String) { pending += Array(text.utf8) }

  /// Whether a wait with nothing queued ends as interrupted rather than timed out.
  var interruptsWaits = false

  /// Marks the transport closed.
  func close() { isClosed = true }

  /// The tag at the start of a command line.
  static func tag(of line: String) -> String { String(line.prefix { $0 != " " }) }
}
