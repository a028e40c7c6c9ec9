/// Turns libcurl's verbose output into trace lines that never show login secrets.
///
/// Outgoing protocol lines are shown only when they are known to be harmless (CAPABILITY,
/// STARTTLS, …); LOGIN and AUTHENTICATE keep their command word and mechanism only, and any other
/// client line sent during the login (SASL responses) is replaced entirely.
enum CurlTraceRedactor {
  /// Where a piece of verbose output comes from.
  enum Source: Equatable {
    /// libcurl's own informational text.
    case text
    /// Protocol lines from the server.
    case incoming
    /// Protocol lines libcurl sent.
    case outgoing
    /// Payload or TLS bytes, never shown.
    case data
  }

  /// The placeholder that stands for anything hidden.
  static let hidden = "<redacted>"

  /// Client commands that carry no secret and are shown as sent.
  static let harmlessCommands: Set<String> = [
    "CAPABILITY", "STARTTLS", "NOOP", "LOGOUT", "EHLO", "HELO", "QUIT", "RSET", "STLS", "DATA",
  ]

  /// SMTP envelope commands, shown only with their argument ("MAIL FROM:<…>", "RCPT TO:<…>").
  static let envelopeCommands: [String: String] = ["MAIL": "FROM:", "RCPT": "TO:"]

  /// The trace lines for one piece of verbose output.
  static func lines(source: Source, text: String) -> [String] {
    switch source {
    case .data: return []
    case .text: return splitLines(text).map { "* " + $0 }
    case .incoming: return splitLines(text).map { "< " + $0 }
    case .outgoing: return splitLines(text).map { "> " + redactOutgoing($0) }
    }
  }

  /// One client line with any secret removed.
  static func redactOutgoing(_ line: String) -> String {
    let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard !words.isEmpty else { return line }
    if words.count > 1, let argument = envelopeCommands[words[0].uppercased()],
      words[1].uppercased().hasPrefix(argument)
    {
      return line
    }
    // IMAP lines start with a tag; SMTP and POP lines start with the command.
    for (index, word) in words.prefix(2).enumerated() {
      let command = word.uppercased()
      if harmlessCommands.contains(command) { return line }
      if command == "LOGIN" {
        return (words.prefix(index + 1) + [hidden]).joined(separator: " ")
      }
      if command == "AUTHENTICATE" || command == "AUTH" {
        let kept = words.prefix(min(words.count, index + 2))
        let suffix = words.count > index + 2 ? [hidden] : []
        return (kept + suffix).joined(separator: " ")
      }
    }
    return hidden
  }

  /// Splits text at line breaks, dropping empty lines.
  static func splitLines(_ text: String) -> [String] {
    text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
      .map(String.init)
  }
}
