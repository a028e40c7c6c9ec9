/// File names and types for attachments: cleaning names from headers, generating missing ones,
/// and guessing a type for `application/octet-stream` from the name's extension.
enum AttachmentNaming {
  /// Extensions for common MIME types, used for generated names.
  private static let extensionByType: [String: String] = [
    "application/pdf": "pdf", "application/zip": "zip", "application/json": "json",
    "application/msword": "doc", "application/vnd.ms-excel": "xls", "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/ics": "ics", "application/pgp-signature": "asc", "application/pkcs7-signature": "p7s",
    "application/xml": "xml", "application/gzip": "gz", "image/png": "png", "image/jpeg": "jpg",
    "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg", "image/bmp": "bmp",
    "image/tiff": "tiff", "text/plain": "txt", "text/html": "html", "text/calendar": "ics",
    "text/csv": "csv", "text/vcard": "vcf", "text/x-vcard": "vcf", "audio/mpeg": "mp3",
    "video/mp4": "mp4", "message/rfc822": "eml", "message/delivery-status": "txt",
  ]

  /// MIME types for extensions, used when a part only says `application/octet-stream`.
  private static let typeByExtension: [String: String] = {
    var map: [String: String] = [:]
    for (type, ext) in extensionByType where map[ext] == nil && type != "message/delivery-status" {
      map[ext] = type
    }
    map["ics"] = "text/calendar"
    map["jpeg"] = "image/jpeg"
    map["htm"] = "text/html"
    map["tif"] = "image/tiff"
    return map
  }()

  /// `raw` reduced to a safe base name (no directories, no control characters); nil if nothing is left.
  static func cleaned(_ raw: String?) -> String? {
    guard let raw else { return nil }
    let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let name = HeaderReader.trimmed(visible(base))
    return name.isEmpty || name == "." || name == ".." ? nil : name
  }

  /// `text` without control characters.
  private static func visible(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
  }

  /// A name for the `ordinal`-th attachment of type `contentType`, such as `attachment-1.pdf`.
  static func generated(ordinal: Int, contentType: String) -> String {
    "attachment-\(ordinal).\(extensionByType[contentType] ?? "bin")"
  }

  /// The name for a forwarded message: its subject (cleaned, at most 100 characters) plus `.eml`.
  static func forwarded(subject: String, ordinal: Int) -> String {
    let separatorsReplaced = subject.unicodeScalars.map { $0 == "/" || $0 == "\\" ? "-" : $0 }
    let name = HeaderReader.trimmed(visible(String(String.UnicodeScalarView(separatorsReplaced))))
    guard !name.isEmpty else { return generated(ordinal: ordinal, contentType: "message/rfc822") }
    return String(name.prefix(100)) + ".eml"
  }

  /// `contentType`, or for `application/octet-stream` a type guessed from `filename`'s extension.
  static func refinedType(_ contentType: String, filename: String) -> String {
    guard contentType == "application/octet-stream", let dot = filename.lastIndex(of: ".") else {
      return contentType
    }
    return typeByExtension[filename[filename.index(after: dot)...].lowercased()] ?? contentType
  }
}
