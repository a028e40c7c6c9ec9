import EspoMailCurl

/// An SMTP server and the account to log in with.
public struct SMTPEndpoint: Sendable {
  /// Host name or address.
  public var host: String
  /// TCP port (465 for implicit TLS, 587 for STARTTLS, 25 for relays).
  public var port: Int
  /// Implicit TLS, STARTTLS or none.
  public var security: ConnectionSecurity
  /// Login name; nil to send without logging in.
  public var username: String?
  /// Password, OAuth 2 token, or none.
  public var credential: SMTPCredential
  /// Seconds allowed to connect, for each wait on a server reply, and for any stall while sending.
  public var timeoutSeconds: Double
  /// A PEM file of CA certificates to trust instead of the system's, such as a test certificate.
  public var caFile: String?
  /// Whether the server certificate is checked; turn it off only when the user explicitly asks.
  public var verifiesCertificate: Bool

  /// Creates an endpoint; certificates are verified.
  public init(
    host: String, port: Int, security: ConnectionSecurity, username: String?, credential: SMTPCredential,
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

  /// The libcurl options that reach and log in to this endpoint.
  var connectOptions: CurlConnectOptions {
    CurlConnectOptions(
      scheme: "smtp", host: host, port: port, security: .init(security), username: username,
      secret: credential.secret, caFile: caFile, verifyPeer: verifiesCertificate, timeoutSeconds: timeoutSeconds)
  }
}
