import EspoMailCurl

/// The byte pipe an `IMAPClient` talks over: a logged-in `CurlConnection`, or a script in tests.
protocol IMAPTransport: AnyObject {
  /// Sends all bytes.
  func send(_ bytes: [UInt8]) throws
  /// Reads at least one byte into `buffer` within `timeout` seconds; returns how many.
  func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Double) throws -> Int
  /// Drops the connection.
  func close()
}

extension CurlConnection: IMAPTransport {}
