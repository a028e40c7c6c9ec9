import EspoMailCurl

/// An IMAP server and the account to log in to.
public struct IMAPEndpoint: Sendable {
  /// The server (port 993 for implicit TLS, 143 otherwise).
  public var server: ServerAddress
  /// Login name.
  public var username: String
  /// Password or OAuth 2 token.
  public var credential: IMAPCredential
  /// How much the server may make a session hold or wait for.
  public var limits: IMAPLimits

  /// Creates an endpoint; certificates are verified.
  public init(
    host: String, port: Int, security: ConnectionSecurity, username: String, credential: IMAPCredential,
    timeoutSeconds: Double = 30, caFile: String? = nil, limits: IMAPLimits = .standard
  ) {
    server = ServerAddress(host: host, port: port, security: security, timeoutSeconds: timeoutSeconds, caFile: caFile)
    self.username = username
    self.credential = credential
    self.limits = limits
  }

  /// The libcurl options that connect and log in to this endpoint.
  var connectOptions: CurlConnectOptions {
    server.connectOptions(scheme: "imap", username: username, secret: credential.secret)
  }
}
