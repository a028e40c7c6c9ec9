import EspoMailCurl

/// The secret an IMAP login uses. Its descriptions never show the secret.
public struct IMAPCredential: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The secret in the form libcurl logs in with.
  let secret: CurlConnectOptions.Secret

  /// A password (SASL PLAIN or the LOGIN command by default; `IMAPEndpoint.loginMechanism` chooses).
  public static func password(_ s: String) -> Self { Self(secret: .password(s)) }

  /// An OAuth 2 access token (SASL XOAUTH2).
  public static func oauth2(_ token: String) -> Self { Self(secret: .bearer(token)) }

  /// A redacted description.
  public var description: String { secret.description }

  /// A redacted description.
  public var debugDescription: String { description }
}
