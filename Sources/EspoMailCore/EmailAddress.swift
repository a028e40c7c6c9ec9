/// A syntactically valid email address (`local@domain`), kept as written; compared without case.
public struct EmailAddress: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The address as written.
  public let value: String

  /// The lower-cased form used for matching.
  public var lower: String { value.lowercased() }

  /// Checks and wraps an address; throws a data error saying what is wrong.
  public init(_ text: String) throws {
    let trimmed = text.trimmingWhitespace()
    guard let reason = Self.problem(in: trimmed) else {
      value = trimmed
      return
    }
    throw EspoMailError.invalid("email address '\(text)'", reason, hint: "write it as name@example.com")
  }

  /// Why a string is not an address we accept, or nil when it is fine.
  static func problem(in text: String) -> String? {
    isPlainASCIIAddress(text) ? nil : ruleProblem(in: text)
  }

  /// The rules, character by character (any script).
  static func ruleProblem(in text: String) -> String? {
    guard !text.isEmpty else { return "it is empty" }
    guard text.utf8.count <= 254 else { return "it is longer than 254 bytes" }
    guard !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\u{7F}" }) else {
      return "it contains spaces or control characters"
    }
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return "it must contain exactly one @" }
    let local = parts[0]
    let domain = parts[1]
    guard !local.isEmpty, local.utf8.count <= 64 else { return "the part before @ must be 1 to 64 bytes" }
    guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
      return "the part before @ has misplaced dots"
    }
    guard !local.contains(where: { "<>()[]\\,;:\"".contains($0) }) else {
      return "the part before @ contains one of <>()[]\\,;:\""
    }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 || domain == "localhost" else { return "the domain needs a dot, as in example.com" }
    for label in labels {
      guard !label.isEmpty, label.utf8.count <= 63 else { return "the domain has an empty or overlong label" }
      guard label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !label.hasPrefix("-"),
        !label.hasSuffix("-")
      else { return "the domain may hold only letters, digits, dots and inner hyphens" }
    }
    return nil
  }

  /// Bytes the part before @ may not hold.
  private static let forbiddenInLocalPart = Set("<>()[]\\,;:\"".utf8)

  /// Whether an ASCII string passes every rule of `problem(in:)`, checked byte by byte: the
  /// fast path for the addresses of nearly every message (the character-level rules are slow).
  /// False means "not decided here", not "invalid".
  static func isPlainASCIIAddress(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count <= 254, bytes.allSatisfy({ $0 >= 0x21 && $0 < 0x7F }),
      let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at
    else { return false }
    let local = bytes[..<at]
    let domain = bytes[(at + 1)...]
    let dot = UInt8(ascii: ".")
    guard !local.isEmpty, local.count <= 64, local.first != dot, local.last != dot,
      !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }),
      !local.contains(where: { forbiddenInLocalPart.contains($0) })
    else { return false }
    let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    let hyphen = UInt8(ascii: "-")
    return labels.allSatisfy { label in
      !label.isEmpty && label.count <= 63 && label.first != hyphen && label.last != hyphen
        && label.allSatisfy { byte in
          (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == hyphen
        }
    }
  }

  /// The address as written.
  public var description: String { value }

  /// Equal when equal without case.
  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.lower == rhs.lower }

  /// Hashes the lower-cased form.
  public func hash(into hasher: inout Hasher) { hasher.combine(lower) }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  public func trimmingWhitespace() -> String {
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
      return self
    }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
