/// A recipient as mail users type it: `jane@acme.example`, `<jane@acme.example>`,
/// `Jane Roe <jane@acme.example>` or `"Roe, Jane" <jane@acme.example>`; several may be given
/// in one value, separated by commas outside quotes and angle brackets.
public struct NamedAddress: Equatable, Sendable {
  /// The display name, without quotes; nil when none was given.
  public var name: String?
  /// The checked address.
  public var address: EmailAddress

  /// Reads one recipient; throws a data error saying how to write it.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingWhitespace()
    guard let open = trimmed.lastIndex(of: "<") else {
      name = nil
      address = try EmailAddress(trimmed)
      return
    }
    guard trimmed.hasSuffix(">") else {
      throw EspoMailError.invalid(
        "recipient '\(text)'", "the address is not closed with '>'", hint: "write it as Name <name@example.com>")
    }
    address = try EmailAddress(String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
    var shown = String(trimmed[..<open]).trimmingWhitespace()
    if shown.count >= 2, shown.hasPrefix("\""), shown.hasSuffix("\"") {
      var unquoted = ""
      var escaped = false
      for character in shown.dropFirst().dropLast() {
        if character == "\\" && !escaped {
          escaped = true
          continue
        }
        escaped = false
        unquoted.append(character)
      }
      shown = unquoted
    }
    try HeaderText.check(shown, field: "the name of recipient '\(address.value)'")
    name = shown.isEmpty ? nil : shown
  }

  /// Every recipient of a value such as `Jane <j@x.example>, "Roe, Bob" <b@x.example>`.
  public static func list(_ text: String) throws -> [NamedAddress] {
    var parts: [String] = []
    var current = ""
    var quoted = false
    var angled = false
    var escaped = false
    for character in text {
      if escaped {
        escaped = false
      } else if character == "\\" && quoted {
        escaped = true
      } else if character == "\"" && !angled {
        quoted.toggle()
      } else if character == "<" && !quoted {
        angled = true
      } else if character == ">" && !quoted {
        angled = false
      } else if character == "," && !quoted && !angled {
        parts.append(current)
        current = ""
        continue
      }
      current.append(character)
    }
    parts.append(current)
    let recipients = parts.filter { !$0.trimmingWhitespace().isEmpty }
    guard !recipients.isEmpty else {
      throw EspoMailError.invalid("recipient '\(text)'", "it is empty", hint: "write it as Name <name@example.com>")
    }
    return try recipients.map(NamedAddress.init(parsing:))
  }
}
