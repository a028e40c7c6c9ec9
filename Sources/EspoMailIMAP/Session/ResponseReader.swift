import EspoMailCurl

/// Reads whole server responses from a transport: receives, frames, parses.
struct ResponseReader {
  /// Where the bytes come from.
  private let transport: any IMAPTransport
  /// Seconds to wait for each piece of data.
  private let timeout: Double
  /// Cuts the stream into responses.
  private var framer = ResponseFramer()
  /// The receive buffer.
  private var chunk = [UInt8](repeating: 0, count: 1 << 18)

  /// Creates a reader.
  init(transport: any IMAPTransport, timeout: Double) {
    self.transport = transport
    self.timeout = timeout
  }

  /// The next complete response, as bytes; waits for the server as needed.
  mutating func nextFrame() throws -> [UInt8] {
    while true {
      if let frame = try framer.nextFrame() { return frame }
      let timeout = self.timeout
      let transport = self.transport
      let count = try chunk.withUnsafeMutableBytes { buffer in
        try IMAPSession.transportCall { try transport.receive(into: buffer, timeout: timeout) }
      }
      chunk.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
  }
}
