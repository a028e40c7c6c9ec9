/// How a connection to a mail server is protected.
public enum ConnectionSecurity: String, CaseIterable, Codable, Sendable {
  /// Implicit TLS from the first byte (IMAPS 993, SMTPS 465).
  case tls
  /// Plain connection upgraded with STARTTLS before login.
  case starttls
  /// No encryption (loopback tests only).
  case none
}
