import EspoMailCore

/// Where a mail server is and how it is reached: host, port, TLS, which certificates to trust and
/// how long each wait may last. The IMAP and SMTP endpoints add the login to it.
public struct ServerAddress: Sendable {
  /// Host name or address.
  public var host: String
  /// TCP port.
  public var port: Int
  /// Implicit TLS, STARTTLS or none.
  public var security: ConnectionSecurity
  /// Seconds allowed to connect and log in, and for each wait on the server after that.
  public var timeoutSeconds: Double
  /// A PEM file of CA certificates to trust instead of the system's, such as a test certificate.
  public var caFile: String?
  /// Whether the server certificate is checked; turn it off only when the user explicitly asks.
  public var verifiesCertificate = true

  /// A server; certificates are verified.
  public init(host: String, port: Int, security: ConnectionSecurity, timeoutSeconds: Double, caFile: String?) {
    self.host = host
    self.port = port
    self.security = security
    self.timeoutSeconds = timeoutSeconds
    self.caFile = caFile
  }

  /// The server as "host:port", for messages.
  public var address: String { "\(host):\(port)" }

  /// The libcurl options that reach this server with `scheme` and log in with `username` and `secret`.
  public func connectOptions(scheme: String, username: String?, secret: CurlConnectOptions.Secret?) -> CurlConnectOptions {
    CurlConnectOptions(
      scheme: scheme, host: host, port: port, security: .init(security), username: username, secret: secret,
      caFile: caFile, verifyPeer: verifiesCertificate, timeoutSeconds: timeoutSeconds)
  }
}
