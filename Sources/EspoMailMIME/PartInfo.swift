internal import CGMime

/// Small facts about one MIME part: its type, disposition and Content-ID.
enum PartInfo {
  /// The lower-cased `type/subtype`; `text/plain` when the part declares none.
  static func mimeType(of object: UnsafeMutablePointer<GMimeObject>) -> String {
    guard let contentType = g_mime_object_get_content_type(object),
      let raw = g_mime_content_type_get_mime_type(contentType)
    else { return "text/plain" }
    defer { g_free(raw) }
    return String(cString: raw).lowercased()
  }

  /// The lower-cased disposition (`inline`, `attachment`), or nil when the part has none.
  static func disposition(of object: UnsafeMutablePointer<GMimeObject>) -> String? {
    guard let raw = g_mime_object_get_disposition(object) else { return nil }
    let value = HeaderReader.trimmed(String(cString: raw)).lowercased()
    return value.isEmpty ? nil : value
  }

  /// The Content-ID without angle brackets, or nil.
  static func contentID(of object: UnsafeMutablePointer<GMimeObject>) -> String? {
    guard let raw = g_mime_object_get_content_id(object) else { return nil }
    let value = HeaderReader.trimmed(String(cString: raw))
    return value.isEmpty ? nil : value
  }
}
