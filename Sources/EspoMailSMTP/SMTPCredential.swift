import EspoMailCurl

/// The secret an SMTP login uses, or none. Its descriptions never show the secret.
public struct SMTPCredential: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The secret in the form libcurl logs in with; nil to send without logging in.
  let secret: CurlConnectOptions.Secret?

  /// A password (SASL PLAIN or LOGIN, whichever the server offers).
  public static func password(_ s: String) -> Self { Self(secret: .password(s)) }

  /// An OAuth 2 access token (SASL XOAUTH2).
  public static func oauth2(_ token: String) -> Self { Self(secret: .bearer(token)) }

  /// No login: the server must accept mail without one (a relay that trusts the network).
  public static let none = Self(secret: nil)

  /// A redacted description.
  public var description: String { secret?.description ?? "none" }

  /// A redacted description.
  public var debugDescription: String { description }
}
