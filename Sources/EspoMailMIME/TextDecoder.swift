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
    decoded(bytes, charset: charset, options: options).text
  }

  /// `bytes` as text, and whether no charset read them cleanly, so that the text is a lenient
  /// guess (the message is then marked `Malformation.undecodableText`).
  static func decoded(_ bytes: [UInt8], charset: String?, options: OpaquePointer) -> (text: String, isGuess: Bool) {
    let (utf8, isGuess) = utf8(bytes, charset: charset, options: options)
    return (String(decoding: normalisingLineEnds(utf8), as: UTF8.self), isGuess)
  }

  /// `bytes` converted to UTF-8 as described above, and whether that was a lenient guess.
  static func utf8(_ bytes: [UInt8], charset: String?, options: OpaquePointer) -> (bytes: [UInt8], isGuess: Bool) {
    let declared = CharsetName.canonical(charset)
    if let declared {
      if declared == "utf-8" {
        if CharsetConverter.isUTF8(bytes) { return (bytes, false) }
        if let repaired = CharsetConverter.mostlyUTF8(bytes) { return (repaired, false) }
      } else if let converted = CharsetConverter.strictUTF8(bytes, from: declared) {
        return (converted, false)
      }
    }
    if CharsetConverter.isUTF8(bytes) { return (bytes, false) }
    if let converted = CharsetDetector.utf8(bytes, hint: nil) { return (converted, false) }
    if let repaired = CharsetConverter.mostlyUTF8(bytes) { return (repaired, false) }
    if let declared, declared != "utf-8", let converted = StreamBytes.convertedToUTF8(bytes, from: declared) {
      return (converted, true)
    }
    return (fallbackText(bytes, options: options), true)
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
