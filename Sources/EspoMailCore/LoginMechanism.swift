/// How espomail logs in to an IMAP or SMTP server with a password (an OAuth 2 token always uses
/// XOAUTH2). The default is what mail clients do: a password mechanism the server offers.
public enum LoginMechanism: String, CaseIterable, Codable, Sendable {
  /// IMAP: SASL PLAIN when offered, else the LOGIN command; SMTP: AUTH PLAIN, else AUTH LOGIN.
  case auto
  /// SASL PLAIN only.
  case plain
  /// IMAP: the LOGIN command; SMTP: AUTH LOGIN.
  case login
  /// SASL CRAM-MD5 (the server must keep passwords in clear or CRAM-MD5 form).
  case cramMD5 = "cram-md5"
  /// SASL DIGEST-MD5.
  case digestMD5 = "digest-md5"
  /// SASL NTLM (Exchange).
  case ntlm
  /// SASL GSSAPI (Kerberos; needs a ticket, not the password).
  case gssapi

  /// The SASL mechanism names this choice allows, in order of preference.
  public var saslNames: [String] {
    switch self {
    case .auto: ["PLAIN", "LOGIN"]
    case .plain: ["PLAIN"]
    case .login: ["LOGIN"]
    case .cramMD5: ["CRAM-MD5"]
    case .digestMD5: ["DIGEST-MD5"]
    case .ntlm: ["NTLM"]
    case .gssapi: ["GSSAPI"]
    }
  }

  /// The words naming the choice in messages, such as "PLAIN or LOGIN" or "CRAM-MD5".
  public var shownName: String { saslNames.joined(separator: " or ") }
}
