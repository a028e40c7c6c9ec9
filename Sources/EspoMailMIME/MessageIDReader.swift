internal import CGMime

/// Reads message ids from Message-ID, In-Reply-To and References values.
enum MessageIDReader {
  /// The Message-ID as written: its first `<…>` token, or the trimmed value; nil when empty.
  static func messageID(_ value: String?) -> String? {
    guard let value = value.map(HeaderReader.trimmed), !value.isEmpty else { return nil }
    if let open = value.firstIndex(of: "<"),
      let close = value[open...].firstIndex(of: ">"),
      value.index(after: open) < close
    {
      return String(value[open...close])
    }
    return value
  }

  /// Every message id in `value`, each with angle brackets, parsed by GMime's loose parser.
  static func ids(_ value: String?, options: OpaquePointer) -> [String] {
    guard let value, !value.isEmpty, let references = g_mime_references_parse(options, value) else {
      return []
    }
    defer { g_mime_references_free(references) }
    return (0..<max(g_mime_references_length(references), 0)).compactMap { index in
      guard let id = g_mime_references_get_message_id(references, index) else { return nil }
      let text = HeaderReader.trimmed(String(cString: id))
      return text.isEmpty ? nil : "<\(text)>"
    }
  }
}
