internal import CGMime
import Foundation

/// Turns the bytes of a text part into a Swift string, whatever charset they are in.
///
/// A declared charset is converted by GMime. Undeclared (or `us-ascii`, or unknown) 8-bit text is
/// taken as UTF-8 when it is valid UTF-8, else decoded with the parser's fallback charsets
/// (windows-1252). Line ends become LF.
enum TextDecoder {
  /// Charset names that say nothing about 8-bit bytes.
  private static let undeclared: Set<String> = ["", "us-ascii", "ascii", "unknown-8bit", "x-unknown", "8bit"]

  /// `bytes` as text, given the part's declared `charset`.
  static func text(
    _ bytes: [UInt8], charset: String?, options: OpaquePointer
  ) -> String {
    let name = HeaderReader.trimmed(charset ?? "").lowercased()
    let decoded: String
    if name == "utf-8" || name == "utf8" {
      decoded = String(decoding: bytes, as: UTF8.self)
    } else if !undeclared.contains(name), let converted = StreamBytes.convertedToUTF8(bytes, from: name) {
      decoded = String(decoding: converted, as: UTF8.self)
    } else {
      decoded = undeclaredText(bytes, options: options)
    }
    return normalisingLineEnds(decoded)
  }

  /// Text in no known charset: UTF-8 if valid, else the best of the fallback charsets.
  private static func undeclaredText(
    _ bytes: [UInt8], options: OpaquePointer
  ) -> String {
    if let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
    let converted: String? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let base = chars.baseAddress, let text = g_mime_utils_decode_8bit(options, base, chars.count)
        else { return nil }
        defer { g_free(text) }
        return String(cString: text)
      }
    }
    return converted ?? String(decoding: bytes, as: UTF8.self)
  }

  /// `text` with CRLF and lone CR turned into LF.
  static func normalisingLineEnds(_ text: String) -> String {
    guard text.utf8.contains(13) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }
}
