import EspoMailCurl

/// The byte pipe an `IMAPClient` talks over: a logged-in `CurlConnection`, or a script in tests.
protocol IMAPTransport: AnyObject {
  /// Sends all bytes.
  func send(_ bytes: [UInt8]) throws
  /// Reads at least one byte into `buffer` within `timeout` seconds; returns how many.
  func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Double) throws -> Int
  /// Reads what is available without waiting; 0 when nothing is.
  func receiveAvailable(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
  /// Waits for the server's next bytes, `interrupt` becoming readable, or `seconds` to pass.
  func waitReadable(seconds: Double, interrupt: Int32?) throws -> SocketReadiness
  /// Drops the connection.
  func close()
}

extension CurlConnection: IMAPTransport {}
