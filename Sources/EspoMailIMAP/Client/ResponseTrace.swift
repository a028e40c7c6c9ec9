/// Short trace lines for responses: the first line only, so message content never appears.
enum ResponseTrace {
  /// Longest trace line, in bytes.
  static let limit = 300

  /// The first line of a response, shortened, with the size of anything that follows.
  static func summary(of frame: [UInt8]) -> String {
    let lineEnd = frame.firstIndex(of: 13) ?? frame.firstIndex(of: 10) ?? frame.count
    let shown = min(lineEnd, limit)
    var text = String(decoding: frame[..<shown], as: UTF8.self)
    if shown < lineEnd { text += "…" }
    let rest = frame.count - lineEnd - 2
    if rest > 0 { text += " [+\(rest) bytes]" }
    return text
  }
}
