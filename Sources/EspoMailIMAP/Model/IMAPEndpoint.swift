import EspoMailCurl

/// An IMAP server and the account to log in to.
public struct IMAPEndpoint: Sendable {
  /// Host name or address.
  public var host: String
  /// TCP port (993 for implicit TLS, 143 otherwise).
  public var port: Int
  /// Implicit TLS, STARTTLS or none.
  public var security: ConnectionSecurity
  /// Login name.
  public var username: String
  /// Password or OAuth 2 token.
  public var credential: IMAPCredential
  /// Seconds allowed to connect and log in, and for each wait on the server after that.
  public var timeoutSeconds: Double
  /// A PEM file of CA certificates to trust instead of the system's, such as a test certificate.
  public var caFile: String?
  /// Whether the server certificate is checked; turn it off only when the user explicitly asks.
  public var verifiesCertificate: Bool

  /// Creates an endpoint; certificates are verified.
  public init(
    host: String, port: Int, security: ConnectionSecurity, username: String, credential: IMAPCredential,
    timeoutSeconds: Double = 30, caFile: String? = nil
  ) {
    self.host = host
    self.port = port
    self.security = security
    self.username = username
    self.credential = credential
    self.timeoutSeconds = timeoutSeconds
    self.caFile = caFile
    self.verifiesCertificate = true
  }

  /// The server as "host:port", for messages.
  public var address: String { "\(host):\(port)" }

  /// The libcurl options that connect and log in to this endpoint.
  var connectOptions: CurlConnectOptions {
    CurlConnectOptions(
      scheme: "imap", host: host, port: port, security: .init(security), username: username,
      secret: credential.secret, caFile: caFile, verifyPeer: verifiesCertificate, timeoutSeconds: timeoutSeconds)
  }
}
