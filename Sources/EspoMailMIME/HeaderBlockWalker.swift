/// Walks a message's lines from its first header field, finding the header blocks (the message's,
/// those after each MIME boundary, and those of forwarded messages) and repairing each through
/// `HeaderBlockRepair`; body lines are copied as they are.
struct HeaderBlockWalker {
  /// The whole message.
  let bytes: [UInt8]
  /// Where the message's header starts (leading junk skipped).
  let start: Int
  /// True when the message's own header ran into its body without a blank line.
  private(set) var endedWithoutBlankLine = false
  /// True when the message's own header had continuation lines without their leading white space.
  private(set) var foldedWithoutIndent = false
  /// Boundaries declared so far.
  private var boundaries: Set<[UInt8]> = []
  /// The charset the first charset parameter anywhere declares: the hint for raw 8-bit header text
  /// (looked for only when a header has such text).
  private lazy var firstDeclaredCharset: String? = HeaderBlockRepair.firstCharsetParameter(in: bytes)

  /// A walker over `bytes` whose header starts at `start`.
  init(bytes: [UInt8], start: Int) {
    self.bytes = bytes
    self.start = start
  }

  /// The repaired message.
  mutating func run() -> [UInt8] {
    let needsWork = ByteSearch.hasHighBit(bytes, from: start) || ByteSearch.hasEncodedWord(bytes, from: start)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var position = start
    var isTop = true
    var expectHeader = true
    while position < bytes.count {
      if expectHeader {
        let (repaired, next, inserted, nested) = block(at: position, isTop: isTop, repairs: needsWork)
        output += repaired
        if inserted, isTop { endedWithoutBlankLine = true }
        if isTop, !needsWork, !endedWithoutBlankLine, !foldedWithoutIndent {
          output += bytes[next...]
          return output
        }
        isTop = false
        position = next
        expectHeader = nested
        continue
      }
      // Body text is copied in one piece up to the next line starting with "--".
      guard let lineStart = ByteSearch.dashedLine(bytes, from: position) else {
        output += bytes[position...]
        break
      }
      output += bytes[position..<lineStart]
      let line = MessageRepair.nextLine(bytes, from: lineStart)
      output += bytes[line.start..<line.end]
      position = line.end
      if isBoundary(line) { expectHeader = true }
    }
    return output
  }

  /// The header block at `position`, repaired, with where the body after it starts, whether a
  /// blank line had to be inserted, and whether the body is itself a message (message/rfc822).
  private mutating func block(at position: Int, isTop: Bool, repairs: Bool)
    -> (bytes: [UInt8], next: Int, inserted: Bool, nested: Bool)
  {
    var lines: [MessageRepair.Line] = []
    var unindented: Set<Int> = []  // continuation lines a mailer folded without white space
    var cursor = position
    var inserted = false
    var blankLine: [UInt8] = []
    while cursor < bytes.count {
      let line = MessageRepair.nextLine(bytes, from: cursor)
      if line.textEnd == line.start {
        blankLine = Array(bytes[line.start..<line.end])
        cursor = line.end
        break
      }
      let first = bytes[line.start]
      if first == 0x20 || first == 0x09 || HeaderBlockRepair.isFieldLine(bytes[line.start..<line.textEnd]) {
        lines.append(line)
        cursor = line.end
        continue
      }
      if lines.isEmpty { break }  // not a header at all: left for the parser to judge
      let next = MessageRepair.nextLine(bytes, from: line.end)
      if next.start < bytes.count, HeaderBlockRepair.isWellKnownField(bytes[next.start..<next.textEnd]) {
        unindented.insert(line.start)
        lines.append(line)
        cursor = line.end
        continue
      }
      inserted = true
      blankLine = line.end > line.textEnd ? Array(bytes[line.textEnd..<line.end]) : [0x0A]
      break
    }
    if isTop, !unindented.isEmpty { foldedWithoutIndent = true }
    // The block on its own, unindented continuations given the space they lack.
    var source: [UInt8] = []
    var sourceLines: [MessageRepair.Line] = []
    for line in lines {
      let shift = source.count - line.start
      if unindented.contains(line.start) {
        source.append(0x20)
        sourceLines.append(MessageRepair.Line(start: line.start + shift, textEnd: line.textEnd + shift + 1, end: line.end + shift + 1))
      } else {
        sourceLines.append(MessageRepair.Line(start: line.start + shift, textEnd: line.textEnd + shift, end: line.end + shift))
      }
      source += bytes[line.start..<line.end]
    }
    let fields = HeaderBlockRepair.fields(of: sourceLines, in: source)
    let contentType = HeaderBlockRepair.contentType(fields, of: source)
    if let boundary = HeaderBlockRepair.boundary(inContentType: contentType) { boundaries.insert(boundary) }
    let nested = HeaderBlockRepair.isMessage(contentType: contentType)
    var repaired = source
    if repairs {
      let own = HeaderBlockRepair.charset(inContentType: contentType)
      repaired = HeaderBlockRepair.repaired(fields, of: source, from: 0, to: source.count) {
        own ?? firstDeclaredCharset
      }
    }
    return (repaired + blankLine, cursor, inserted, nested)
  }

  /// True when `line` opens a part: `--` and a declared boundary (not the closing one).
  private func isBoundary(_ line: MessageRepair.Line) -> Bool {
    guard line.textEnd - line.start > 2, bytes[line.start] == 0x2D, bytes[line.start + 1] == 0x2D else { return false }
    var end = line.textEnd
    while end > line.start + 2, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return boundaries.contains(Array(bytes[(line.start + 2)..<end]))
  }
}
