/// How espomail talks to mail servers in one run: the same for IMAP and SMTP, for fetch, `send`,
/// `outbox retry` and `account test`.
public struct NetworkOptions: Sendable {
  /// Seconds before a silent server is given up on.
  public var timeoutSeconds = 60.0
  /// A CA bundle to trust besides the system's (self-signed test servers), from ESPOMAIL_CA_FILE.
  public var caFile: String?
  /// Receives the protocol conversation (credentials redacted) under `--verbose`.
  public var trace: (@Sendable (String) -> Void)?

  /// Options with the given timeout and CA bundle, and no trace.
  public init(timeoutSeconds: Double = 60, caFile: String? = nil, trace: (@Sendable (String) -> Void)? = nil) {
    self.timeoutSeconds = timeoutSeconds
    self.caFile = caFile
    self.trace = trace
  }
}
