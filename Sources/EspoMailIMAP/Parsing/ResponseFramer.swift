/// Cuts the byte stream from the server into complete responses: a line, plus any literals
/// (`{n}` at the end of a line, then exactly n bytes) and the lines that continue it.
///
/// A literal's bytes are counted, never scanned, so a body containing lines like `* 3 FETCH` or
/// `A001 OK` cannot end a response early. Bytes may arrive split anywhere.
///
/// With `IMAPLimits`, a response is refused as soon as it goes over them: a literal when its
/// length is read, before any of its bytes, and a line while it is still arriving.
struct ResponseFramer {
  /// Most digits a literal length may have (the parser holds literals to the same bound), so
  /// the length always fits in an `Int`.
  static let maximumLiteralDigits = 15

  /// Received bytes not yet handed out, from `start`.
  private var buffer: [UInt8] = []
  /// Where the response being framed begins.
  private var start = 0
  /// The next byte not yet examined.
  private var scan = 0
  /// Where the current line began (after the response start or after a literal); a literal's
  /// bytes before it must never be read as a literal marker.
  private var lineStart = 0
  /// Bytes of the current literal still to come.
  private var literalLeft = 0
  /// What one response may hold; nil reads anything (recorded transcripts).
  private let limits: IMAPLimits?
  /// Non-literal bytes of the response being framed, in its lines already ended by a literal.
  private var lineBytes = 0
  /// Literal bytes announced so far in the response being framed.
  private var literalBytes = 0

  /// Creates an empty framer that refuses responses over `limits` (nil: no limits).
  init(limits: IMAPLimits? = nil) {
    self.limits = limits
  }

  /// Number of received bytes not yet handed out in a frame.
  var pendingByteCount: Int { buffer.count - start }

  /// Adds bytes from the server.
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    compact()
    buffer.append(contentsOf: bytes)
  }

  /// Adds bytes from the server.
  mutating func append(contentsOf bytes: some Sequence<UInt8>) {
    compact()
    buffer.append(contentsOf: bytes)
  }

  /// The next complete response's bytes (CRLF included), or nil until more bytes arrive.
  mutating func nextFrame() throws -> [UInt8]? {
    while true {
      if literalLeft > 0 {
        let taken = min(literalLeft, buffer.count - scan)
        scan += taken
        literalLeft -= taken
        if literalLeft > 0 { return nil }
        lineStart = scan
      }
      guard let lineFeed = buffer[scan...].firstIndex(of: 10) else {
        scan = buffer.count
        try checkLine(end: scan)
        return nil
      }
      scan = lineFeed + 1
      try checkLine(end: scan)
      if let length = try literalLength(lineFeed: lineFeed) {
        try checkLiteral(length)
        lineBytes += scan - lineStart
        literalBytes += length
        literalLeft = length
        lineStart = scan
        continue
      }
      let frame = Array(buffer[start..<scan])
      start = scan
      lineStart = scan
      lineBytes = 0
      literalBytes = 0
      return frame
    }
  }

  /// The literal length announced at the end of the line ending at `lineFeed`, if any.
  private func literalLength(lineFeed: Int) throws -> Int? {
    let start = lineStart
    var index = lineFeed - 1
    if index >= start, buffer[index] == 13 { index -= 1 }
    guard index >= start, buffer[index] == UInt8(ascii: "}") else { return nil }
    index -= 1
    if index >= start, buffer[index] == UInt8(ascii: "+") { index -= 1 }
    var length = 0
    var multiplier = 1
    var digits = 0
    while index >= start, buffer[index] >= 0x30, buffer[index] <= 0x39 {
      digits += 1
      guard digits <= Self.maximumLiteralDigits else {
        throw IMAPError.malformedResponse("a literal length has too many digits")
      }
      length += Int(buffer[index] - 0x30) * multiplier
      multiplier *= 10
      index -= 1
    }
    guard digits > 0, index >= start, buffer[index] == UInt8(ascii: "{") else { return nil }
    return length
  }

  /// Throws when the response's lines, up to `end` in the current one, are over the line limit
  /// (the SEARCH line limit for a `* SEARCH` response).
  private func checkLine(end: Int) throws {
    guard limits != nil else { return }
    let total = lineBytes + end - lineStart
    guard total > IMAPLimits.maximumLineBytes else { return }
    let limit = isSearch ? IMAPLimits.maximumSearchLineBytes : IMAPLimits.maximumLineBytes
    if total > limit { throw IMAPError.limitExceeded(.line(limitBytes: limit)) }
  }

  /// Throws when a literal of `length` bytes would take the response over the literal limit.
  private func checkLiteral(_ length: Int) throws {
    guard let limits, literalBytes + length > limits.maximumLiteralBytes else { return }
    throw IMAPError.limitExceeded(
      .literal(bytes: literalBytes + length, limitBytes: limits.maximumLiteralBytes, maxSizeMB: limits.maxSizeMB))
  }

  /// Whether the response being framed is an untagged SEARCH (`* SEARCH`, any case).
  private var isSearch: Bool {
    let prefix = Array("* SEARCH".utf8)
    guard buffer.count - start >= prefix.count else { return false }
    let upper = buffer[start..<start + prefix.count].map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
    return upper == prefix
  }

  /// Gives the buffer's memory back when nothing is pending, so a session that downloaded large
  /// messages holds little while it waits (IDLE).
  mutating func releaseSpareCapacity() {
    guard start == buffer.count, literalLeft == 0 else { return }
    buffer = []
    start = 0
    scan = 0
    lineStart = 0
  }

  /// Drops handed-out bytes once they are a large part of the buffer.
  private mutating func compact() {
    guard start > 0 else { return }
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
    } else if start >= 1 << 16, start * 2 >= buffer.count {
      buffer.removeSubrange(0..<start)
    } else {
      return
    }
    scan -= start
    lineStart -= start
    start = 0
  }
}
