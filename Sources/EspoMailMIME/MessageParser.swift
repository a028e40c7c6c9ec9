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
