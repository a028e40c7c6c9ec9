import EspoMailCore
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
  /// How a password logs in (a token always uses XOAUTH2).
  public var loginMechanism: LoginMechanism = .auto

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

  /// The password this engine logs in with itself (`IMAPClient+Login`), or nil when libcurl logs
  /// in: with a token (XOAUTH2), or a mechanism other than PLAIN and the LOGIN command.
  var ownLoginPassword: String? {
    guard case .password(let password) = credential.secret, [.auto, .plain, .login].contains(loginMechanism) else {
      return nil
    }
    return password
  }

  /// The libcurl options that connect to this endpoint, and log in unless this engine does.
  var connectOptions: CurlConnectOptions {
    guard ownLoginPassword == nil else { return server.connectOptions(scheme: "imap", username: nil, secret: nil) }
    var options = server.connectOptions(scheme: "imap", username: username, secret: credential.secret)
    options.saslMechanisms = loginMechanism.saslNames
    return options
  }
}
