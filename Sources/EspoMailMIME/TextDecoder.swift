internal import CGMime

/// Turns the bytes of a text part into a Swift string, whatever charset they are in.
///
/// A declared charset is converted by GMime. Undeclared (or `us-ascii`, or unknown) 8-bit text is
/// taken as UTF-8 when it is valid UTF-8, else decoded with the parser's fallback charsets
/// (windows-1252). Line ends become LF.
enum TextDecoder {
  /// Charset names that say nothing about 8-bit bytes.
  private static let undeclared: Set<String> = ["", "us-ascii", "ascii", "unknown-8bit", "x-unknown", "8bit"]

  /// `bytes` as text, given the part's declared `charset`.
  static func text(_ bytes: [UInt8], charset: String?, options: OpaquePointer) -> String {
    let name = HeaderReader.trimmed(charset ?? "").lowercased()
    let utf8: [UInt8]
    if name == "utf-8" || name == "utf8" {
      utf8 = bytes
    } else if !undeclared.contains(name), let converted = StreamBytes.convertedToUTF8(bytes, from: name) {
      utf8 = converted
    } else {
      utf8 = undeclaredText(bytes, options: options)
    }
    return String(decoding: normalisingLineEnds(utf8), as: UTF8.self)
  }

  /// Text in no known charset as UTF-8: kept if already valid, else the best of the fallbacks.
  private static func undeclaredText(_ bytes: [UInt8], options: OpaquePointer) -> [UInt8] {
    if String(validating: bytes, as: UTF8.self) != nil { return bytes }
    let converted: [UInt8]? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let base = chars.baseAddress, let text = g_mime_utils_decode_8bit(options, base, chars.count)
        else { return nil }
        defer { g_free(text) }
        return Array(UnsafeBufferPointer(start: text, count: strlen(text))).map { UInt8(bitPattern: $0) }
      }
    }
    return converted ?? bytes
  }

  /// UTF-8 `bytes` with CRLF and lone CR turned into LF.
  static func normalisingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(0x0D) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte != 0x0D {
        result.append(byte)
      } else {
        result.append(0x0A)
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
      }
    }
    return result
  }
}
