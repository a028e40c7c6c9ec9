internal import CGMime

/// Copies content out of GMime into Swift byte arrays, through short-lived memory streams.
enum StreamBytes {
  /// The content of `part` with its transfer encoding removed; empty when the part has none.
  static func decodedContent(of part: UnsafeMutablePointer<GMimePart>) -> [UInt8] {
    guard let wrapper = g_mime_part_get_content(part) else { return [] }
    return collect { _ = g_mime_data_wrapper_write_to_stream(wrapper, $0) }
  }

  /// `object` written out as MIME (headers and body) with CRLF line ends, the RFC 5322 wire form.
  static func serialised(_ object: UnsafeMutablePointer<GMimeObject>) -> [UInt8] {
    guard let format = g_mime_format_options_new() else { return [] }
    defer { g_mime_format_options_free(format) }
    g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS)
    return collect { _ = g_mime_object_write_to_stream(object, format, $0) }
  }

  /// `bytes` passed through GMime's charset filter from `charset` to UTF-8; nil when GMime has no
  /// converter for `charset`. Bytes invalid in `charset` are skipped by the filter.
  static func convertedToUTF8(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
    guard let filter = g_mime_filter_charset_new(charset, "utf-8") else { return nil }
    defer { cgmime_unref(filter) }
    return collect { sink in
      guard let filtered = g_mime_stream_filter_new(sink) else { return }
      defer { cgmime_unref(filtered) }
      _ = g_mime_stream_filter_add(cgmime_as_stream_filter(filtered), filter)
      bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          if let base = chars.baseAddress { _ = g_mime_stream_write(filtered, base, chars.count) }
        }
      }
      _ = g_mime_stream_flush(filtered)
    }
  }

  /// The bytes `write` puts into a fresh memory stream.
  private static func collect(_ write: (UnsafeMutablePointer<GMimeStream>) -> Void) -> [UInt8] {
    guard let stream = g_mime_stream_mem_new() else { return [] }
    defer { cgmime_unref(stream) }
    write(stream)
    guard let array = g_mime_stream_mem_get_byte_array(cgmime_as_stream_mem(stream)),
      let data = array.pointee.data
    else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: Int(array.pointee.len)))
  }
}
