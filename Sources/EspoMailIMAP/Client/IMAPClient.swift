import EspoMailCurl

/// One logged-in IMAP connection: libcurl connects, negotiates TLS and logs in; this engine then
/// speaks IMAP4rev1 itself (tagged commands, untagged responses, literals) over the connection.
///
/// Folder names are UTF-8 in this API and modified UTF-7 on the wire. Failures are `IMAPError`s.
/// Not thread-safe: one session per account, used from one task at a time.
public final class IMAPClient {
  /// The connection.
  let transport: any IMAPTransport
  /// Frames and parses what the server sends.
  var reader: ResponseReader
  /// Where redacted protocol lines go, if anywhere.
  let trace: ((String) -> Void)?
  /// Hides the login's secret from trace lines and from server texts quoted in errors.
  private let redactor: SecretRedactor
  /// The number in the last tag sent ("E1", "E2", …).
  private var tagNumber = 0
  /// Tags sent whose completion has not been read yet.
  var outstanding: Set<String> = []
  /// Completions read while waiting for an earlier tag of a pipeline.
  private var earlyCompletions: [String: ResponseState] = [:]
  /// The text of the server's BYE, once it said goodbye.
  private var goodbye: String?
  /// Whether the connection was dropped (after LOGOUT, or after an error that broke the dialogue).
  private var isClosed = false
  /// The tag of the IDLE in progress, between `startIdle` and `stopIdle`.
  var idleTag: String?
  /// The server's capabilities, upper-cased, such as "IMAP4REV1", "LITERAL+", "UIDPLUS".
  public private(set) var capabilities: Set<String> = [] {
    didSet { capabilityUpdates += 1 }
  }
  /// How many times the server told its capabilities (a CAPABILITY response or code).
  private var capabilityUpdates = 0

  /// Connects, negotiates TLS as the endpoint says, logs in, and reads the server's capabilities.
  ///
  /// `trace`, when given, receives the protocol dialogue line by line; login arguments, SASL
  /// responses and message bodies never appear in it, nor does the secret where the server echoes
  /// it. What the server may send is bounded by `endpoint.limits`.
  ///
  /// A password logs in as mail clients do (`IMAPClient+Login`) unless the endpoint asks for
  /// another mechanism, which libcurl then uses; a refused login names the mechanism tried.
  public convenience init(connecting endpoint: IMAPEndpoint, trace: ((String) -> Void)? = nil) throws {
    let options = endpoint.connectOptions
    let connection: CurlConnection
    do {
      connection = try Self.transportCall { try CurlConnection(options, trace: trace) }
    } catch IMAPError.connection(let error) where error.code == 67 {
      throw IMAPError.loginRefused(
        LoginRefusal(mechanism: endpoint.loginMechanism.shownName, code: nil, text: error.description, offered: []))
    }
    self.init(
      transport: connection, timeoutSeconds: endpoint.server.timeoutSeconds, trace: trace, limits: endpoint.limits,
      redactor: SecretRedactor(username: endpoint.username, secret: endpoint.credential.secret))
    // libcurl asked for the capabilities in its connect phase; when we log in ourselves its
    // answer (after TLS) serves, and the login's answer refreshes it. After libcurl's own login
    // they may have changed, so they are asked for again.
    if endpoint.ownLoginPassword == nil || !adoptCapabilities(from: connection.connectReplies) {
      try refreshCapabilities()
    }
    if let password = endpoint.ownLoginPassword {
      // Most servers send the new capabilities with the login's answer (Dovecot does): no round
      // trip then.
      let told = capabilityUpdates
      let completion = try logIn(
        username: endpoint.username, password: password, mechanism: endpoint.loginMechanism,
        overTLS: endpoint.server.security != .none)
      if capabilityUpdates == told, completion.code?.name != "CAPABILITY" { try refreshCapabilities() }
    }
  }

  /// Wraps an already logged-in transport.
  init(
    transport: any IMAPTransport, timeoutSeconds: Double, trace: ((String) -> Void)?, limits: IMAPLimits = .standard,
    redactor: SecretRedactor = .none
  ) {
    self.transport = transport
    self.reader = ResponseReader(transport: transport, timeout: timeoutSeconds, limits: limits)
    self.redactor = redactor
    self.trace = trace.map { emit in { emit(redactor.redact($0)) } }
  }

  deinit { transport.close() }

  /// Takes the last capability list among `replies` (lines the server sent, CRLF included: a
  /// CAPABILITY response, or a CAPABILITY code in an OK); false when none holds one. Lines that do
  /// not parse are passed over: the session then asks itself.
  func adoptCapabilities(from replies: [[UInt8]]) -> Bool {
    var found: [String]?
    for line in replies.flatMap({ $0 }).split(separator: UInt8(ascii: "\n")) {
      guard let response = try? ResponseParser.parse(Array(line) + [UInt8(ascii: "\n")]) else { continue }
      switch response {
      case .untagged(.capability(let names)):
        found = names
      case .untagged(.state(let state)) where state.code?.name == "CAPABILITY":
        found = state.code?.arguments.split(separator: " ").map(String.init)
      case .tagged(_, let state) where state.code?.name == "CAPABILITY":
        found = state.code?.arguments.split(separator: " ").map(String.init)
      default:
        break
      }
    }
    guard let found, !found.isEmpty else { return false }
    capabilities = Set(found.map { $0.uppercased() })
    return true
  }

  /// Asks the server for its capabilities again.
  public func refreshCapabilities() throws {
    try run("CAPABILITY", name: "CAPABILITY")
  }

  /// Says LOGOUT (when the server is still there), without waiting for its answer, and closes the
  /// connection. Never fails.
  public func logout() {
    guard !isClosed else { return }
    // The server's BYE and OK tell nothing worth a round trip: everything is settled by now.
    if goodbye == nil { _ = try? send("LOGOUT") }
    abandon()
  }

  /// Sends one command and reads responses until it completes; untagged ones go to `handler`.
  ///
  /// With `folder`, a NO saying the folder does not exist becomes `IMAPError.folderNotFound`.
  @discardableResult
  func run(
    _ command: String, name: String, folder: String? = nil, _ handler: (UntaggedResponse) throws -> Void = { _ in }
  ) throws -> ResponseState {
    let tag = try send(command)
    return try complete(tag, name: name, folder: folder, handler)
  }

  /// Sends a command line (without tag and line break) and returns its tag, without waiting.
  func send(_ command: String, shown: String? = nil) throws -> String {
    try ensureOpen()
    tagNumber += 1
    let tag = "E\(tagNumber)"
    trace?("> \(tag) \(shown ?? command)")
    let line = Array("\(tag) \(command)\r\n".utf8)
    try Self.transportCall { try transport.send(line) }
    outstanding.insert(tag)
    return tag
  }

  /// Reads responses until `tag` completes. OK returns its state; NO/BAD throw.
  ///
  /// Any other failure (connection lost, unreadable response, an error of `handler`) leaves the
  /// dialogue out of step, so the session closes itself before rethrowing.
  @discardableResult
  func complete(
    _ tag: String, name: String, folder: String? = nil, _ handler: (UntaggedResponse) throws -> Void = { _ in }
  ) throws -> ResponseState {
    let state: ResponseState
    reader.beginWait(for: name)
    do {
      state = try readUntilCompleted(tag, handler)
    } catch {
      abandon()
      throw error
    }
    outstanding.remove(tag)
    if case .some(let code) = state.code, code.name == "CAPABILITY" {
      capabilities = Set(code.arguments.split(separator: " ").map { $0.uppercased() })
    }
    guard state.condition == "OK" else { throw failure(of: name, folder: folder, state) }
    return state
  }

  /// Waits for a continuation request (`+`) for `tag`; throws its failure if it completes instead.
  func awaitContinuation(_ tag: String, name: String, folder: String?) throws {
    reader.beginWait(for: name)
    while true {
      let response: ServerResponse
      do {
        response = try nextResponse()
      } catch {
        abandon()
        throw error
      }
      switch response {
      case .continuation: return
      case .untagged: continue
      case .tagged(let other, let state) where other == tag:
        outstanding.remove(tag)
        guard state.condition != "OK" else {
          abandon()
          throw IMAPError.malformedResponse("\(name) completed before its literal was sent")
        }
        throw failure(of: name, folder: folder, state)
      case .tagged(let other, _):
        abandon()
        throw IMAPError.malformedResponse("a completion for the unknown tag '\(other)'")
      }
    }
  }

  /// Sends raw bytes (a literal's content) as part of the current command.
  func sendRaw(_ bytes: [UInt8]) throws {
    try ensureOpen()
    try Self.transportCall { try transport.send(bytes) }
  }

  /// The loop of `complete`.
  private func readUntilCompleted(_ tag: String, _ handler: (UntaggedResponse) throws -> Void) throws
    -> ResponseState
  {
    while true {
      if let state = earlyCompletions.removeValue(forKey: tag) { return state }
      switch try nextResponse() {
      case .untagged(let response):
        try handler(response)
      case .continuation(let text):
        throw IMAPError.malformedResponse("an unexpected continuation request '\(redactor.redact(text))'")
      case .tagged(let other, let state):
        if other == tag { return state }
        guard outstanding.contains(other) else {
          throw IMAPError.malformedResponse("a completion for the unknown tag '\(other)'")
        }
        earlyCompletions[other] = state
      }
    }
  }

  /// Reads, traces and parses one response, and notes capabilities and BYE. Server text quoted in
  /// its errors has the secret hidden.
  private func nextResponse() throws -> ServerResponse {
    try response(from: readingConnection { try reader.nextFrame() })
  }

  /// Runs a read of the connection, naming the server's BYE when it closed the connection after one.
  func readingConnection<T>(_ read: () throws -> T) throws -> T {
    do {
      return try read()
    } catch IMAPError.connection(let error) {
      if let goodbye { throw IMAPError.closedByServer(goodbye) }
      throw IMAPError.connection(error)
    }
  }

  /// Traces and parses one framed response, and notes capabilities and BYE.
  func response(from frame: [UInt8]) throws -> ServerResponse {
    if let trace { trace("< " + ResponseTrace.summary(of: frame)) }
    let response: ServerResponse
    do {
      response = try ResponseParser.parse(frame)
    } catch IMAPError.malformedResponse(let detail) {
      throw IMAPError.malformedResponse(redactor.redact(detail))
    }
    if case .untagged(let untagged) = response {
      switch untagged {
      case .capability(let names): capabilities = Set(names.map { $0.uppercased() })
      case .state(let state) where state.condition == "BYE": goodbye = redactor.redact(state.text)
      default: break
      }
    }
    return response
  }

  /// The error for a NO or BAD completion.
  func failure(of name: String, folder: String?, _ state: ResponseState) -> IMAPError {
    if let folder, state.condition == "NO", Self.meansMissingFolder(state) { return .folderNotFound(folder) }
    return .commandFailed(
      command: name, condition: state.condition, code: state.code?.name, text: redactor.redact(state.text))
  }

  /// Whether a NO says that the folder does not exist (RFC 5530 codes, or the usual wording).
  static func meansMissingFolder(_ state: ResponseState) -> Bool {
    if let code = state.code?.name, ["NONEXISTENT", "TRYCREATE"].contains(code) { return true }
    let text = state.text.lowercased()
    // A name the server calls invalid names no folder it has: the same answer as a missing one,
    // so `fetch` and `account test` (which looks the name up in LIST) agree on exit 66.
    return ["doesn't exist", "does not exist", "no such mailbox", "unknown mailbox", "mailbox not found",
      "invalid mailbox name"]
      .contains { text.contains($0) }
  }

  /// Throws when the session was closed.
  private func ensureOpen() throws {
    guard isClosed else { return }
    if let goodbye { throw IMAPError.closedByServer(goodbye) }
    throw IMAPError.connection(
      TransferError(code: 55, summary: "Failed sending data to the peer", detail: "the IMAP session is closed"))
  }

  /// Whether the session can still be used: not logged out, and in step with the server.
  public var isOpen: Bool { !isClosed }

  /// Drops the connection; later calls fail.
  func abandon() {
    isClosed = true
    transport.close()
  }

  /// Runs a transport call, turning libcurl's `TransferError` into `IMAPError.connection`.
  static func transportCall<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as TransferError {
      throw IMAPError.connection(error)
    }
  }
}
