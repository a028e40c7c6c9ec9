internal import CGMime

/// GMime, initialised once per process.
public enum MIMELibrary {
  /// `g_mime_init`, performed once before any parsing.
  private static let initialised: Bool = {
    g_mime_init()
    return true
  }()

  /// Makes sure GMime is initialised.
  public static func initialise() { _ = initialised }

  /// GMime's version, such as "3.2.13".
  public static var version: String {
    "\(gmime_major_version).\(gmime_minor_version).\(gmime_micro_version)"
  }

  /// Decodes an RFC 2047 header value (`=?UTF-8?B?…?=`) into text, loosely and with the same
  /// 8-bit fallbacks (UTF-8, then windows-1252) and the same repair of split words and charset
  /// names (`EncodedWords`) as `MessageParser`.
  public static func decodeHeader(_ value: String) -> String {
    initialise()
    guard let options = ParserOptions.make() else { return value }
    defer { g_mime_parser_options_free(options) }
    guard let decoded = g_mime_utils_header_decode_text(options, EncodedWords.rewritten(value)) else { return value }
    defer { g_free(decoded) }
    return String(cString: decoded)
  }
}
