import EspoMailCore

/// Checks the addresses of the SMTP envelope (MAIL FROM, RCPT TO) before anything is sent, so a
/// stray line break cannot add SMTP commands and a typo fails fast with a clear message.
enum EnvelopeAddress {
  /// The longest path RFC 5321 allows, less the angle brackets.
  static let maximumLength = 254

  /// Throws `.dataError` unless `address` is a plain `local@domain` mailbox.
  static func check(_ address: String, role: String) throws {
    if let reason = problem(in: address) {
      throw EspoMailError.invalid(
        "envelope \(role) \(shown(address))", reason, hint: "give a bare address such as ann@example.com")
    }
  }

  /// Why `address` cannot be used, or nil when it can.
  static func problem(in address: String) -> String? {
    if address.isEmpty { return "it is empty" }
    if address.utf8.count > maximumLength { return "it is longer than \(maximumLength) bytes" }
    for scalar in address.unicodeScalars {
      switch scalar {
      case "\r", "\n": return "it contains a line break (CR or LF)"
      case "\0": return "it contains a NUL character"
      case "<", ">": return "it contains an angle bracket"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { return "it contains a control character" }
        if scalar == " " || scalar.properties.isWhitespace { return "it contains white space" }
      }
    }
    guard let at = address.lastIndex(of: "@"), at != address.startIndex, address.index(after: at) != address.endIndex
    else { return "it is not of the form local@domain" }
    return nil
  }

  /// `address` quoted for a message, with control characters shown as escapes.
  static func shown(_ address: String) -> String {
    var text = ""
    for scalar in address.unicodeScalars.prefix(100) {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        text += scalar.escaped(asASCII: true)
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return "'\(text)'"
  }
}
