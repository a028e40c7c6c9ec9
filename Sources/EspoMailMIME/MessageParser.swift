/// Parses RFC 5322 messages (MIME, RFC 2047/2231, any charset) into `ParsedMessage` values.
///
/// Thread-safe: each call uses its own GMime objects and options. Input that does not make a
/// message (empty, no header fields) throws `EspoMailError` with status `.dataError`.
public enum MessageParser {
  /// Parses a whole message: headers, bodies, attachments and forwarded messages.
  /// Malformed but readable input (`Malformation`) is repaired first and says what was wrong.
  public static func parse(_ bytes: [UInt8]) throws -> ParsedMessage {
    let repaired = MessageRepair.repair(bytes)
    var parsed = try GMimeDocument.withMessage(repaired.bytes) { message, options in
      MessageReader.read(message, options: options, bodies: true, depth: 0)
    }
    parsed.malformations = repaired.malformations + parsed.malformations
    return parsed
  }

  /// Parses only the header block of `bytes` (a whole message or just its header); bodies are nil
  /// and there are no attachments.
  public static func parseHeaders(_ bytes: [UInt8]) throws -> ParsedMessage {
    let repaired = MessageRepair.repair(bytes)
    var parsed = try GMimeDocument.withMessage(headerBlock(of: repaired.bytes)) { message, options in
      MessageReader.read(message, options: options, bodies: false, depth: 0)
    }
    parsed.malformations = repaired.malformations + parsed.malformations
    return parsed
  }

  /// The Message-ID of a header block (`<…>` as `parseHeaders` reads it) found by scanning its
  /// lines, without parsing the rest: the fetch's header pass asks only this of most messages
  /// (whether the store may hold them already). Nil when there is none, or when the block is
  /// malformed enough to need repairs first (a blank line or an mbox envelope before it): then the
  /// caller treats the message as new, and the import's own check still merges it.
  public static func messageID(inHeader bytes: [UInt8]) -> String? {
    var index = 0
    let end = bytes.count
    while index < end {
      var lineEnd = index
      while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let line = bytes[index..<lineEnd]
      if line.isEmpty || line == [0x0D] { return nil }
      if Self.isMessageIDField(line) {
        // The value, unfolded: continuation lines start with a space or a tab.
        var value = Array(line.dropFirst(11))
        var next = lineEnd + 1
        while next < end, bytes[next] == 0x20 || bytes[next] == 0x09 {
          var nextEnd = next
          while nextEnd < end, bytes[nextEnd] != 0x0A { nextEnd += 1 }
          value += bytes[next..<nextEnd]
          next = nextEnd + 1
        }
        return MessageIDReader.messageID(String(decoding: value.filter { $0 != 0x0D }, as: UTF8.self))
      }
      index = lineEnd + 1
    }
    return nil
  }

  /// Whether a header line is a Message-ID field (`Message-ID:`, any case).
  private static func isMessageIDField(_ line: ArraySlice<UInt8>) -> Bool {
    let name = Array("message-id:".utf8)
    guard line.count >= name.count else { return false }
    return zip(line.prefix(name.count), name).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
  }

  /// `bytes` up to and including the blank line that ends the header block (all of it if none).
  static func headerBlock(of bytes: [UInt8]) -> [UInt8] {
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        let next = index + 1
        if next < bytes.count, bytes[next] == 0x0A { return Array(bytes[...next]) }
        if next + 1 < bytes.count, bytes[next] == 0x0D, bytes[next + 1] == 0x0A {
          return Array(bytes[...(next + 1)])
        }
      }
      index += 1
    }
    return bytes
  }
}
