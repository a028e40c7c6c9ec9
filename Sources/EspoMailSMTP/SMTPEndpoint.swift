import EspoMailCore
import EspoMailCurl

/// An SMTP server and the account to log in with.
public struct SMTPEndpoint: Sendable {
  /// The server (port 465 for implicit TLS, 587 for STARTTLS, 25 for relays); its timeout also
  /// bounds each wait on a reply and any stall while sending.
  public var server: ServerAddress
  /// Login name; nil to send without logging in.
  public var username: String?
  /// Password, OAuth 2 token, or none.
  public var credential: SMTPCredential
  /// How a password logs in: by default AUTH PLAIN, else AUTH LOGIN, never a "stronger" mechanism
  /// the server may advertise but not serve for the account.
  public var loginMechanism: LoginMechanism = .auto
  /// The fully qualified name EHLO gives; nil leaves libcurl's default, the short host name.
  public var heloName: String?

  /// Creates an endpoint; certificates are verified.
  public init(
    host: String, port: Int, security: ConnectionSecurity, username: String?, credential: SMTPCredential,
    timeoutSeconds: Double = 30, caFile: String? = nil
  ) {
    server = ServerAddress(host: host, port: port, security: security, timeoutSeconds: timeoutSeconds, caFile: caFile)
    self.username = username
    self.credential = credential
  }

  /// The libcurl options that reach and log in to this endpoint.
  var connectOptions: CurlConnectOptions {
    var options = server.connectOptions(scheme: "smtp", username: username, secret: credential.secret)
    options.saslMechanisms = loginMechanism.saslNames
    options.path = heloName ?? ""
    return options
  }
}
