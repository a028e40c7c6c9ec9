internal import CGMime

/// Turns the bytes of a text part into a Swift string, whatever charset they are in.
///
/// The declared charset (its name mapped by `CharsetName`) is tried first and strictly; text that
/// declares none, a meaningless or unknown one, or one it is not valid in, is kept when it is valid
/// UTF-8, else converted through the charset uchardet detects (`CharsetDetector`); only when that
/// fails too is it converted leniently (the declared charset skipping invalid bytes, or the
/// parser's windows-1252 fallback). Line ends become LF.
enum TextDecoder {
  /// `bytes` as text, given the part's declared `charset`.
  static func text(_ bytes: [UInt8], charset: String?, options: OpaquePointer) -> String {
    String(decoding: normalisingLineEnds(utf8(bytes, charset: charset, options: options)), as: UTF8.self)
  }

  /// `bytes` converted to UTF-8 as described above.
  static func utf8(_ bytes: [UInt8], charset: String?, options: OpaquePointer) -> [UInt8] {
    let declared = CharsetName.canonical(charset)
    if let declared {
      if declared == "utf-8" {
        if CharsetConverter.isUTF8(bytes) { return bytes }
        if let repaired = CharsetConverter.mostlyUTF8(bytes) { return repaired }
      } else if let converted = CharsetConverter.strictUTF8(bytes, from: declared) {
        return converted
      }
    }
    if CharsetConverter.isUTF8(bytes) { return bytes }
    if let converted = CharsetDetector.utf8(bytes, hint: nil) { return converted }
    if let repaired = CharsetConverter.mostlyUTF8(bytes) { return repaired }
    if let declared, declared != "utf-8", let converted = StreamBytes.convertedToUTF8(bytes, from: declared) {
      return converted
    }
    return fallbackText(bytes, options: options)
  }

  /// Text in no working charset as UTF-8, through the parser's fallback charsets.
  private static func fallbackText(_ bytes: [UInt8], options: OpaquePointer) -> [UInt8] {
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
