#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
internal import CCurl

/// Waiting on libcurl's socket with `poll`, for the moments `curl_easy_send`/`recv` would block.
enum SocketWait {
  /// Waits until the socket is readable (or writable); throws a timeout after `seconds`.
  ///
  /// `reportedTimeout` is the limit named in the error, when it differs from what is left.
  static func wait(_ socket: curl_socket_t, forWriting: Bool, seconds: Double, reportedTimeout: Double? = nil)
    throws
  {
    var descriptor = pollfd(fd: socket, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)
    var left = seconds
    let start = ContinuousClock.now
    while true {
      let milliseconds = left <= 0 ? 0 : Int32(min((left * 1000).rounded(.up), Double(Int32.max)))
      let ready = poll(&descriptor, 1, milliseconds)
      if ready > 0 { return }
      if ready < 0, errno == EINTR {
        left = seconds - start.duration(to: .now).seconds
        continue
      }
      if ready < 0 {
        throw TransferError(
          code: Int(CURLE_RECV_ERROR.rawValue), summary: CurlConnection.text(of: CURLE_RECV_ERROR),
          detail: "poll failed with errno \(errno)")
      }
      let limit = reportedTimeout ?? seconds
      throw TransferError(
        code: Int(CURLE_OPERATION_TIMEDOUT.rawValue), summary: CurlConnection.text(of: CURLE_OPERATION_TIMEDOUT),
        detail: "no \(forWriting ? "progress sending to" : "answer from") the server within \(format(limit)) s")
    }
  }

  /// Waits until the socket is readable, `interrupt` (any descriptor) is readable, or `seconds`
  /// pass; the socket wins when both are ready, so data is never left behind for a signal.
  static func waitReadable(_ socket: curl_socket_t, interrupt: Int32?, seconds: Double) throws -> SocketReadiness {
    var descriptors = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0)]
    if let interrupt { descriptors.append(pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0)) }
    let start = ContinuousClock.now
    while true {
      let left = seconds - start.duration(to: .now).seconds
      let milliseconds = left <= 0 ? 0 : Int32(min((left * 1000).rounded(.up), Double(Int32.max)))
      let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
      if ready < 0, errno == EINTR { continue }
      if ready < 0 {
        throw TransferError(
          code: Int(CURLE_RECV_ERROR.rawValue), summary: CurlConnection.text(of: CURLE_RECV_ERROR),
          detail: "poll failed with errno \(errno)")
      }
      if ready == 0 { return .timedOut }
      if descriptors[0].revents != 0 { return .readable }
      return .interrupted
    }
  }

  /// Shuts both directions of the socket down; returns whether that worked.
  static func shutdown(_ socket: curl_socket_t) -> Bool {
    #if canImport(Glibc)
      return Glibc.shutdown(socket, Int32(SHUT_RDWR)) == 0
    #else
      return Darwin.shutdown(socket, SHUT_RDWR) == 0
    #endif
  }

  /// A number of seconds for a message, without needless decimals.
  static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
