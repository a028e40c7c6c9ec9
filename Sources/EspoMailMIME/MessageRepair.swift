/// Repairs raw message bytes before GMime reads them: the leniencies of `Malformation` at the top,
/// and in every header block (the message's, each MIME part's, each forwarded message's) split or
/// oddly named encoded words (`EncodedWords`) and raw 8-bit text in legacy charsets
/// (`HeaderBlockRepair`). Bytes that need nothing are passed through unchanged.
enum MessageRepair {
  /// One line: where it starts, where its text ends (before CR LF or LF), and where the next starts.
  struct Line {
    /// First byte.
    var start: Int
    /// Just past the text, before the line end.
    var textEnd: Int
    /// Just past the line end.
    var end: Int
  }

  /// The repaired bytes and what was repaired at the top.
  static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], malformations: [Malformation]) {
    var malformations: [Malformation] = []
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      malformations.append(.byteOrderMark)
      start = 3
    }
    var line = nextLine(bytes, from: start)
    while line.start < bytes.count {
      if bytes[line.start..<line.textEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        if !malformations.contains(.leadingBlankLines) { malformations.append(.leadingBlankLines) }
      } else if bytes[line.start..<line.textEnd].starts(with: Array("From ".utf8)),
        !HeaderBlockRepair.isFieldLine(bytes[line.start..<line.textEnd])  // not an obsolete "From : …"
      {
        malformations.append(.mboxEnvelope)
      } else {
        break
      }
      start = line.end
      line = nextLine(bytes, from: start)
    }
    while start < line.textEnd, bytes[start] == 0x20 || bytes[start] == 0x09 {
      if !malformations.contains(.leadingContinuation) { malformations.append(.leadingContinuation) }
      start += 1
    }
    guard start < bytes.count else { return (bytes, []) }
    var walker = HeaderBlockWalker(bytes: bytes, start: start)
    let output = walker.run()
    if walker.foldedWithoutIndent { malformations.append(.unindentedContinuation) }
    if walker.endedWithoutBlankLine { malformations.append(.noBlankLineAfterHeader) }
    return (output, malformations)
  }

  /// The line starting at `start`.
  static func nextLine(_ bytes: [UInt8], from start: Int) -> Line {
    var index = start
    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    let end = index < bytes.count ? index + 1 : index
    var textEnd = index
    if textEnd > start, bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
    return Line(start: start, textEnd: textEnd, end: end)
  }
}
