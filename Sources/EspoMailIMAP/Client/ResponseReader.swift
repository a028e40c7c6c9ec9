import EspoMailCurl

/// Reads whole server responses from a transport: receives, frames, parses.
///
/// Each wait for a command's responses has a deadline (`IMAPLimits.deadlineSeconds`) on top of
/// the timeout of each read, so a server that keeps sending a trickle cannot hold a session forever.
struct ResponseReader {
  /// Where the bytes come from.
  private let transport: any IMAPTransport
  /// Seconds to wait for each piece of data.
  private let timeout: Double
  /// Cuts the stream into responses.
  private var framer: ResponseFramer
  /// The receive buffer: 16 KiB, grown to 256 KiB when reads fill it (downloads), and given back
  /// by `releaseSpareMemory` (a thousand idle sessions must not hold 256 KiB each).
  private var chunk = [UInt8](repeating: 0, count: ResponseReader.smallChunk)
  /// The receive buffer's first size.
  private static let smallChunk = 16 << 10
  /// The receive buffer's largest size.
  private static let largeChunk = 1 << 18
  /// The command being waited for, when its wait began, and the bytes received since.
  private var wait: (command: String, start: ContinuousClock.Instant, bytes: Int)?

  /// Creates a reader that refuses responses over `limits`.
  init(transport: any IMAPTransport, timeout: Double, limits: IMAPLimits) {
    self.transport = transport
    self.timeout = timeout
    framer = ResponseFramer(limits: limits)
  }

  /// Starts the deadline of a wait for `command`'s responses (a completion or a continuation).
  mutating func beginWait(for command: String) {
    wait = (command, .now, 0)
  }

  /// The next complete response, as bytes; waits for the server as needed, within the deadline.
  mutating func nextFrame() throws -> [UInt8] {
    while true {
      if let frame = try framer.nextFrame() { return frame }
      let (readTimeout, isDeadline) = try nextReadTimeout()
      let transport = self.transport
      let count: Int
      do {
        count = try chunk.withUnsafeMutableBytes { buffer in
          try IMAPClient.transportCall { try transport.receive(into: buffer, timeout: readTimeout) }
        }
      } catch IMAPError.connection(let error) where isDeadline && error.code == 28 {
        throw deadlineExceeded()
      }
      take(count)
    }
  }

  /// The next complete response already received, without reading; nil when none is.
  mutating func bufferedFrame() throws -> [UInt8]? {
    try framer.nextFrame()
  }

  /// Reads what the transport has without waiting; returns whether anything came.
  mutating func receiveAvailable() throws -> Bool {
    let transport = self.transport
    let count = try chunk.withUnsafeMutableBytes { buffer in
      try IMAPClient.transportCall { try transport.receiveAvailable(into: buffer) }
    }
    take(count)
    return count > 0
  }

  /// Frames `count` bytes just read into the buffer, and grows the buffer when they filled it.
  private mutating func take(_ count: Int) {
    wait?.bytes += count
    chunk.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    if count == chunk.count, chunk.count < Self.largeChunk {
      chunk = [UInt8](repeating: 0, count: Self.largeChunk)
    }
  }

  /// Ends the current wait (no deadline applies while the session idles) and gives back the
  /// buffers' spare memory.
  mutating func releaseSpareMemory() {
    wait = nil
    framer.releaseSpareCapacity()
    if chunk.count > Self.smallChunk { chunk = [UInt8](repeating: 0, count: Self.smallChunk) }
  }

  /// How long the next read may wait, and whether the deadline (not the timeout) sets it.
  private func nextReadTimeout() throws -> (seconds: Double, isDeadline: Bool) {
    guard let wait else { return (timeout, false) }
    let allowed = IMAPLimits.deadlineSeconds(timeout: timeout, bytes: wait.bytes)
    let left = allowed - wait.start.duration(to: .now).seconds
    guard left > 0 else { throw deadlineExceeded() }
    return left < timeout ? (left, true) : (timeout, false)
  }

  /// The error for the current wait's missed deadline.
  private func deadlineExceeded() -> IMAPError {
    let command = wait?.command ?? "a command"
    return .deadlineExceeded(
      command: command, seconds: IMAPLimits.deadlineSeconds(timeout: timeout, bytes: wait?.bytes ?? 0))
  }
}

extension Duration {
  /// The duration in seconds as a floating-point number.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
