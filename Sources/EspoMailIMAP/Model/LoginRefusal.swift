import EspoMailCore

/// A login the IMAP server refused: the mechanism tried, the server's answer, and the password
/// mechanisms it offers, so the message can say which one to choose.
public struct LoginRefusal: Sendable, Equatable {
  /// The mechanism tried, such as "PLAIN", "LOGIN" (the command) or "CRAM-MD5".
  public var mechanism: String
  /// The response code, such as "AUTHENTICATIONFAILED".
  public var code: String?
  /// The server's text (secret hidden).
  public var text: String
  /// The SASL mechanisms the server advertised (`AUTH=…`), upper-cased.
  public var offered: [String]
  /// Whether the login went without TLS to a server offering STARTTLS and the refusal did not say
  /// the credentials were wrong: the server may want TLS first.
  public var offersSTARTTLS = false

  /// Creates a refusal.
  public init(mechanism: String, code: String?, text: String, offered: [String]) {
    self.mechanism = mechanism
    self.code = code
    self.text = text
    self.offered = offered
  }

  /// Exit 77, naming the mechanism; the hint says how to choose another.
  public var espoMailError: EspoMailError {
    let codePart = code.map { "[\($0)] " } ?? ""
    let offers = offered.isEmpty ? "" : "; the server offers \(offered.joined(separator: ", "))"
    if offersSTARTTLS {
      return EspoMailError(
        .permissionDenied,
        "the IMAP server refused the login with \(mechanism) without TLS, and it offers STARTTLS: \(codePart)\(text)",
        hint: "the server may want TLS before a login: use --security starttls or tls "
          + "(espomail account set NAME --security starttls); else check the user name and password")
    }
    return EspoMailError(
      .permissionDenied, "the IMAP server refused the login with \(mechanism): \(codePart)\(text)",
      hint: "check the user name and password or token\(offers); choose a mechanism with "
        + "'espomail account set NAME --login-mechanism plain|login|cram-md5|…'")
  }
}
