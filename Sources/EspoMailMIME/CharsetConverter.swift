internal import CGMime

/// Converts bytes to UTF-8 strictly (through glib's iconv): any byte sequence invalid in the
/// charset fails the whole conversion, so a wrong guess is noticed instead of becoming mojibake.
enum CharsetConverter {
  /// `bytes` in `charset` as UTF-8, or nil when iconv does not know `charset` or a sequence is
  /// invalid in it.
  static func strictUTF8(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
    guard !bytes.isEmpty else { return [] }
    var written: gsize = 0
    var read: gsize = 0
    var error: UnsafeMutablePointer<GError>?
    let converted = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        g_convert(chars.baseAddress, gssize(chars.count), "UTF-8", charset, &read, &written, &error)
      }
    }
    if let error { g_error_free(error) }
    guard let converted else { return nil }
    defer { g_free(converted) }
    guard Int(read) == bytes.count else { return nil }
    return converted.withMemoryRebound(to: UInt8.self, capacity: Int(written)) {
      Array(UnsafeBufferPointer(start: $0, count: Int(written)))
    }
  }

  /// True when `bytes` are valid UTF-8.
  static func isUTF8(_ bytes: some Collection<UInt8>) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }

  /// `bytes` as UTF-8 with the few invalid sequences replaced by U+FFFD, when they are UTF-8 text
  /// with a few damaged bytes (at least twice as many valid non-ASCII characters as invalid
  /// sequences); nil when they look like another charset, whose non-ASCII bytes are mostly invalid
  /// UTF-8.
  static func mostlyUTF8(_ bytes: [UInt8]) -> [UInt8]? {
    let text = String(decoding: bytes, as: UTF8.self)
    var replaced = 0
    var nonASCII = 0
    for scalar in text.unicodeScalars where !scalar.isASCII {
      if scalar == "\u{FFFD}" { replaced += 1 } else { nonASCII += 1 }
    }
    guard replaced * 2 <= nonASCII else { return nil }
    return Array(text.utf8)
  }

  /// True when every byte is ASCII.
  static func isASCII(_ bytes: some Collection<UInt8>) -> Bool {
    !bytes.contains { $0 >= 0x80 }
  }
}
