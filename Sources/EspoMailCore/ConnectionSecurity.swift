/// How a connection to a mail server is protected.
public enum ConnectionSecurity: String, CaseIterable, Codable, Sendable {
  /// Implicit TLS from the first byte (IMAPS 993, SMTPS 465).
  case tls
  /// Plain connection upgraded with STARTTLS before login.
  case starttls
  /// No encryption (loopback only, unless an admin accepts the risk with --allow-cleartext).
  case none

  /// Whether a host name is this machine's loopback (localhost, 127.0.0.0/8, ::1), the only place
  /// an unencrypted connection is accepted without --allow-cleartext.
  public static func isLoopback(host: String) -> Bool {
    var name = host.lowercased()
    if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
    if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
    let octets = name.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4, octets[0] == "127" else { return false }
    return octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
  }
}
