internal import CCurl

/// A connection libcurl opened and logged in (`CURLOPT_CONNECT_ONLY`), over which the caller then
/// speaks the protocol itself with `send` and `receive`.
///
/// For IMAP, `curl_easy_perform` in connect-only mode runs libcurl's whole connect phase: TCP, TLS
/// (implicit or STARTTLS), the greeting, CAPABILITY and the login (SASL or LOGIN). When `init`
/// returns, the session is authenticated and waits for the caller's first command. Not thread-safe.
public final class CurlConnection {
  /// The easy handle owning the connection; nil once closed.
  private var handle: UnsafeMutableRawPointer?
  /// The socket libcurl connected, used only to wait for readiness.
  private let socket: curl_socket_t
  /// libcurl's error buffer for this handle.
  private let errorBuffer: UnsafeMutablePointer<CChar>
  /// What libcurl's connect phase received (and traced); kept alive as long as libcurl may call it.
  private let connectLog: CurlConnectLog
  /// Seconds a send may stall before it fails.
  private let sendTimeout: Double

  /// Connects, negotiates TLS and logs in; throws `TransferError` when any of it fails.
  ///
  /// `trace`, when given, receives libcurl's verbose output line by line with login arguments and
  /// SASL responses redacted, and the secret hidden wherever the server echoes it
  /// (`SecretRedactor`), as it is in the error thrown.
  public init(_ options: CurlConnectOptions, trace: ((String) -> Void)? = nil) throws {
    CurlLibrary.initialise()
    guard let handle = curl_easy_init() else {
      throw TransferError(code: Int(CURLE_FAILED_INIT.rawValue), summary: "curl_easy_init failed")
    }
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    let redactor = SecretRedactor(options)
    let log = CurlConnectLog(trace: trace.map { emit in CurlTraceSink { emit(redactor.redact($0)) } })
    do {
      try Self.configure(handle, options, errorBuffer: errorBuffer, log: log)
      try Self.check(curl_easy_perform(handle), errorBuffer: errorBuffer)
      var socket = curl_socket_t(-1)
      try Self.check(ccurl_getinfo_socket(handle, &socket), errorBuffer: errorBuffer)
      // From here on the caller traces its own protocol lines; libcurl would only add noise.
      _ = ccurl_setopt_long(handle, CURLOPT_VERBOSE, 0)
      self.socket = socket
    } catch {
      curl_easy_cleanup(handle)
      errorBuffer.deallocate()
      throw (error as? TransferError).map(redactor.redact) ?? error
    }
    self.handle = handle
    self.errorBuffer = errorBuffer
    self.connectLog = log
    self.sendTimeout = options.timeoutSeconds
  }

  /// The server's lines libcurl read in its connect phase after TLS was in place (after STARTTLS,
  /// when it was used), CRLF included: the greeting and the CAPABILITY answers, which spare the
  /// caller asking again. At most `CurlConnectLog.lineLimit` lines of `CurlConnectLog.byteLimit`
  /// bytes in all are kept.
  public var connectReplies: [[UInt8]] { connectLog.lines }

  deinit {
    close()
    errorBuffer.deallocate()
  }

  /// Sends all of `bytes`, waiting for the socket when libcurl says it would block.
  public func send(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try send(raw: $0) }
  }

  /// Sends all bytes of a raw buffer.
  public func send(raw bytes: UnsafeRawBufferPointer) throws {
    let handle = try openHandle()
    var offset = 0
    while offset < bytes.count {
      var sent = 0
      guard let base = bytes.baseAddress else { return }
      let code = curl_easy_send(handle, base + offset, bytes.count - offset, &sent)
      if code == CURLE_AGAIN {
        try SocketWait.wait(socket, forWriting: true, seconds: sendTimeout)
        continue
      }
      try Self.check(code, errorBuffer: errorBuffer)
      offset += sent
    }
  }

  /// Reads what is available into `buffer` (at least one byte), waiting at most `timeout` seconds.
  ///
  /// Returns the number of bytes read. Throws a timeout (code 28) when nothing arrives in time and a
  /// receive error (code 56) when the server closed the connection.
  public func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Double) throws -> Int {
    let handle = try openHandle()
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    let deadline = ContinuousClock.now + .milliseconds(Int64((timeout * 1000).rounded(.up)))
    while true {
      var received = 0
      let code = curl_easy_recv(handle, base, buffer.count, &received)
      if code == CURLE_AGAIN {
        // TLS may hold decrypted bytes, so the socket is polled only after libcurl had nothing.
        let left = ContinuousClock.now.duration(to: deadline)
        try SocketWait.wait(socket, forWriting: false, seconds: left.seconds, reportedTimeout: timeout)
        continue
      }
      try Self.check(code, errorBuffer: errorBuffer)
      guard received > 0 else { throw Self.closedByServer }
      return received
    }
  }

  /// A receive error (code 56): the server closed the connection.
  private static var closedByServer: TransferError {
    TransferError(
      code: Int(CURLE_RECV_ERROR.rawValue), summary: text(of: CURLE_RECV_ERROR), detail: "the server closed the connection")
  }

  /// Reads what is available into `buffer` without waiting: 0 when nothing is (TLS may hold
  /// decrypted bytes the socket no longer shows, so this is asked before polling the socket).
  /// Throws a receive error (code 56) when the server closed the connection.
  public func receiveAvailable(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let handle = try openHandle()
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    var received = 0
    let code = curl_easy_recv(handle, base, buffer.count, &received)
    if code == CURLE_AGAIN { return 0 }
    try Self.check(code, errorBuffer: errorBuffer)
    guard received > 0 else { throw Self.closedByServer }
    return received
  }

  /// Waits until the server sends something, `interrupt` (a descriptor such as an eventfd) becomes
  /// readable, or `seconds` pass. Ask `receiveAvailable` first: bytes TLS already holds do not
  /// wake this wait.
  public func waitReadable(seconds: Double, interrupt: Int32?) throws -> SocketReadiness {
    _ = try openHandle()
    return try SocketWait.waitReadable(socket, interrupt: interrupt, seconds: seconds)
  }

  /// Drops the connection at once; libcurl's own goodbye then fails fast instead of waiting.
  public func close() {
    guard let handle else { return }
    self.handle = nil
    if socket >= 0 { _ = SocketWait.shutdown(socket) }
    curl_easy_cleanup(handle)
  }

  /// Whether `close` has been called.
  public var isClosed: Bool { handle == nil }

  /// The handle, or a send error when the connection was closed.
  private func openHandle() throws -> UnsafeMutableRawPointer {
    guard let handle else {
      throw TransferError(
        code: Int(CURLE_SEND_ERROR.rawValue), summary: Self.text(of: CURLE_SEND_ERROR),
        detail: "the connection is closed")
    }
    return handle
  }
}

extension CurlConnection {
  /// Applies the options to a fresh handle.
  private static func configure(
    _ handle: UnsafeMutableRawPointer, _ options: CurlConnectOptions, errorBuffer: UnsafeMutablePointer<CChar>,
    log: CurlConnectLog
  ) throws {
    let set: (CURLcode) throws -> Void = { try check($0, errorBuffer: errorBuffer) }
    let milliseconds = max(1, Int((options.timeoutSeconds * 1000).rounded(.up)))
    try set(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    try set(ccurl_setopt_string(handle, CURLOPT_URL, options.url))
    try set(ccurl_setopt_long(handle, CURLOPT_CONNECT_ONLY, 1))
    try set(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
    try set(ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
    try set(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds))
    try set(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds))
    try set(ccurl_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, (milliseconds + 999) / 1000)))
    try options.applyTLSAndLogin(to: handle, set: set)
    // The debug callback sees the connect phase's dialogue: kept for `connectReplies`, and
    // traced when asked.
    try set(ccurl_setopt_debug_callback(handle, curlConnectCallback))
    try set(ccurl_setopt_pointer(handle, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(log).toOpaque()))
    try set(ccurl_setopt_long(handle, CURLOPT_VERBOSE, 1))
  }

  /// Throws a `TransferError` unless `code` is `CURLE_OK`.
  private static func check(_ code: CURLcode, errorBuffer: UnsafeMutablePointer<CChar>) throws {
    guard code != CURLE_OK else { return }
    let detail = String(cString: errorBuffer)
    errorBuffer[0] = 0
    throw TransferError(code: Int(code.rawValue), summary: text(of: code), detail: detail)
  }

  /// `curl_easy_strerror` as a Swift string.
  static func text(of code: CURLcode) -> String {
    guard let text = curl_easy_strerror(code) else { return "curl error \(code.rawValue)" }
    return String(cString: text)
  }
}

/// Holds the caller's trace closure for libcurl's debug callback.
final class CurlTraceSink {
  /// Where redacted lines go.
  let emit: (String) -> Void

  /// Wraps a closure.
  init(_ emit: @escaping (String) -> Void) { self.emit = emit }
}

/// What libcurl's connect phase received, for `CurlConnection.connectReplies`, and where its
/// verbose output is traced, if anywhere.
final class CurlConnectLog {
  /// At most this many lines are kept, and this many bytes in all: a server cannot make the
  /// connect phase hold more.
  static let lineLimit = 32
  static let byteLimit = 32 * 1024
  /// The trace, when asked for.
  let trace: CurlTraceSink?
  /// The server's lines since the connection or the last STARTTLS.
  private(set) var lines: [[UInt8]] = []
  private var bytes = 0

  /// A log tracing to `trace`, if given.
  init(trace: CurlTraceSink?) { self.trace = trace }

  /// Keeps what the server sent; what was read before STARTTLS is dropped once it is sent, since
  /// it came before TLS protected the connection.
  func record(_ type: curl_infotype, _ data: UnsafeRawBufferPointer) {
    switch type {
    case CURLINFO_HEADER_OUT where data.firstRange(of: Array("STARTTLS".utf8)) != nil:
      lines = []
      bytes = 0
    case CURLINFO_HEADER_IN where lines.count < Self.lineLimit && bytes + data.count <= Self.byteLimit:
      lines.append(Array(data))
      bytes += data.count
    default:
      break
    }
  }
}

/// libcurl's debug callback for a connection's connect phase: records into its `CurlConnectLog`
/// and traces as `curlTraceCallback` does.
func curlConnectCallback(
  _ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ data: UnsafeMutablePointer<CChar>?, _ size: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int32 {
  guard let context, let data else { return 0 }
  let log = Unmanaged<CurlConnectLog>.fromOpaque(context).takeUnretainedValue()
  log.record(type, UnsafeRawBufferPointer(start: data, count: size))
  guard let trace = log.trace else { return 0 }
  return curlTraceCallback(handle, type, data, size, Unmanaged.passUnretained(trace).toOpaque())
}

/// libcurl's debug callback: redacts and forwards verbose output to the handle's `CurlTraceSink`.
func curlTraceCallback(
  _ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ data: UnsafeMutablePointer<CChar>?, _ size: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int32 {
  guard let context, let data else { return 0 }
  let sink = Unmanaged<CurlTraceSink>.fromOpaque(context).takeUnretainedValue()
  let source: CurlTraceRedactor.Source
  switch type {
  case CURLINFO_TEXT: source = .text
  case CURLINFO_HEADER_IN: source = .incoming
  case CURLINFO_HEADER_OUT: source = .outgoing
  default: return 0
  }
  let bytes = UnsafeRawBufferPointer(start: data, count: size)
  let text = String(decoding: bytes, as: UTF8.self)
  for line in CurlTraceRedactor.lines(source: source, text: text) { sink.emit(line) }
  return 0
}

extension Duration {
  /// The duration in seconds as a floating-point number.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
