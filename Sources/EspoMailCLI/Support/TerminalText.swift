/// Text made safe for a terminal: mail-derived fields (subjects, names, file names, bodies, server
/// replies) may carry escape sequences that move the cursor, rewrite lines, set the window title
/// or reorder text. Text output shows each such character as a visible `\xNN` or `<U+NNNN>`
/// instead; JSON and raw bytes keep the data exact.
enum TerminalText {
  /// `text` with line breaks and tabs kept (CRLF becomes LF) and every other control character,
  /// DEL, C1 control and bidirectional override shown escaped.
  static func neutralised(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
      guard needsEscape(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      result += scalar.value < 0x100 ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "<U+\(hex)>"
    }
    return result
  }

  /// Whether a scalar must not reach a terminal as it is.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00..<0x20, 0x7F..<0xA0: true
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
    default: false
    }
  }
}
