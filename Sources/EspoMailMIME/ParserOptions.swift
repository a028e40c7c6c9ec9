internal import CGMime
import Foundation

/// The GMime parser options every parse uses: loose RFC compliance and the 8-bit fallbacks.
enum ParserOptions {
  /// Charsets tried, in order, for undeclared 8-bit header and body bytes.
  static let fallbackCharsets = ["utf-8", "windows-1252"]

  /// A new options object owned by the caller, who frees it with `g_mime_parser_options_free`.
  ///
  /// Each parse gets its own object, so no GMime state is shared between threads.
  static func make() -> OpaquePointer? {
    guard let options = g_mime_parser_options_new() else { return nil }
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
    g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
    g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE)
    // Lets GMime split `junk, Eve <eve@example.com>` into two entries (the first is then skipped as
    // invalid) instead of folding "junk," into Eve's display name.
    g_mime_parser_options_set_allow_addresses_without_domain(options, 1)
    withCStringList(fallbackCharsets) { g_mime_parser_options_set_fallback_charsets(options, $0) }
    return options
  }

  /// Calls `body` with a NULL-terminated C array of `strings`, valid only during the call.
  private static func withCStringList(
    _ strings: [String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Void
  ) {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var list: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
    list.append(nil)
    list.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { body(base) }
    }
  }
}
