import EspoMailCore
internal import CCurl

/// Where and how a `CurlConnection` connects and logs in.
public struct CurlConnectOptions: Sendable {
  /// How the connection is protected.
  public enum Security: Sendable, Equatable {
    /// TLS from the first byte (`imaps://`).
    case implicitTLS
    /// A plain connection upgraded by the protocol's STARTTLS; fails if the server does not offer it.
    case startTLS
    /// No TLS at all.
    case none

    /// The libcurl side of an account's connection security setting.
    public init(_ security: ConnectionSecurity) {
      switch security {
      case .tls: self = .implicitTLS
      case .starttls: self = .startTLS
      case .none: self = .none
      }
    }
  }

  /// The secret libcurl logs in with. Its descriptions never show the secret.
  public enum Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A password for LOGIN or SASL PLAIN/LOGIN.
    case password(String)
    /// An OAuth 2 access token for SASL XOAUTH2.
    case bearer(String)

    /// A redacted description.
    public var description: String {
      switch self {
      case .password: "password(<redacted>)"
      case .bearer: "bearer(<redacted>)"
      }
    }

    /// A redacted description.
    public var debugDescription: String { description }
  }

  /// The URL scheme without TLS, such as "imap"; implicit TLS adds the "s".
  public var scheme: String
  /// The server's host name or address.
  public var host: String
  /// The server's port.
  public var port: Int
  /// How the connection is protected.
  public var security: Security
  /// The login name, or nil to connect without logging in.
  public var username: String?
  /// The password or token, or nil to connect without logging in.
  public var secret: Secret?
  /// A PEM file of CA certificates to trust instead of the system's.
  public var caFile: String?
  /// Whether the server certificate and host name are checked; turn off only when explicitly asked.
  public var verifyPeer: Bool
  /// Seconds allowed for connecting, TLS and login together, and for any later stalled send.
  public var timeoutSeconds: Double
  /// The SASL mechanisms a password may log in with, in order of preference (`CURLOPT_LOGIN_OPTIONS`);
  /// nil leaves libcurl's own choice, the strongest the server offers, which mail clients avoid.
  public var saslMechanisms: [String]?
  /// The URL's path; for SMTP the name EHLO gives (libcurl's default is the short host name).
  public var path = ""

  /// Creates options; verification is on and the timeout is 30 seconds unless told otherwise.
  public init(
    scheme: String, host: String, port: Int, security: Security, username: String? = nil, secret: Secret? = nil,
    caFile: String? = nil, verifyPeer: Bool = true, timeoutSeconds: Double = 30
  ) {
    self.scheme = scheme
    self.host = host
    self.port = port
    self.security = security
    self.username = username
    self.secret = secret
    self.caFile = caFile
    self.verifyPeer = verifyPeer
    self.timeoutSeconds = timeoutSeconds
  }

  /// The URL libcurl connects to, such as `imaps://mail.example.org:993/`.
  public var url: String {
    let tlsScheme = security == .implicitTLS ? scheme + "s" : scheme
    let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    return "\(tlsScheme)://\(hostPart):\(port)/\(path)"
  }
}

extension CurlConnectOptions {
  /// Sets TLS (implicit or STARTTLS, CA file, verification) and the login (password or XOAUTH2
  /// bearer) on an easy handle; shared by the IMAP connection and the SMTP transfer.
  func applyTLSAndLogin(to handle: UnsafeMutableRawPointer, set: (CURLcode) throws -> Void) throws {
    let useSSL = security == .none ? CURLUSESSL_NONE : CURLUSESSL_ALL
    try set(ccurl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue)))
    if let caFile { try set(ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
    if !verifyPeer {
      try set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0))
      try set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0))
    }
    if let username { try set(ccurl_setopt_string(handle, CURLOPT_USERNAME, username)) }
    switch secret {
    case .password(let password)?:
      try set(ccurl_setopt_string(handle, CURLOPT_PASSWORD, password))
      if let saslMechanisms, !saslMechanisms.isEmpty {
        let options = saslMechanisms.map { "AUTH=\($0)" }.joined(separator: ";")
        try set(ccurl_setopt_string(handle, CURLOPT_LOGIN_OPTIONS, options))
        try set(ccurl_setopt_long(handle, CURLOPT_SASL_IR, 1))
      }
    case .bearer(let token)?:
      try set(ccurl_setopt_string(handle, CURLOPT_XOAUTH2_BEARER, token))
      try set(ccurl_setopt_string(handle, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2"))
    case nil:
      break
    }
  }
}
