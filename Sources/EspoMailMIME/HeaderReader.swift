internal import CGMime

/// Reads a message's top-level header fields, in the order they appear in the source.
///
/// GMime keeps `Content-*` fields on the message's top MIME part and the rest on the message, so
/// the two lists are merged back by stream offset.
enum HeaderReader {
  /// Every top-level field as (name, value), the value unfolded, RFC 2047 decoded and trimmed.
  static func fields(of message: UnsafeMutablePointer<GMimeMessage>) -> [(name: String, value: String)] {
    var located: [(offset: Int64, sequence: Int, name: String, value: String)] = []
    for list in lists(of: message) {
      let count = g_mime_header_list_get_count(list)
      for index in 0..<max(count, 0) {
        guard let header = g_mime_header_list_get_header_at(list, index),
          let rawName = g_mime_header_get_name(header)
        else { continue }
        let value = g_mime_header_get_value(header).map { String(cString: $0) } ?? ""
        let offset = Int64(g_mime_header_get_offset(header))
        located.append(
          (offset < 0 ? Int64.max : offset, located.count, String(cString: rawName), trimmed(value)))
      }
    }
    located.sort { ($0.offset, $0.sequence) < ($1.offset, $1.sequence) }
    return located.map { (name: $0.name, value: $0.value) }
  }

  /// How many top-level fields the message has.
  static func count(of message: UnsafeMutablePointer<GMimeMessage>) -> Int {
    lists(of: message).reduce(0) { $0 + Int(max(g_mime_header_list_get_count($1), 0)) }
  }

  /// The message's own header list and its top MIME part's, as GMime holds them.
  private static func lists(of message: UnsafeMutablePointer<GMimeMessage>)
    -> [UnsafeMutablePointer<GMimeHeaderList>]
  {
    var lists: [UnsafeMutablePointer<GMimeHeaderList>] = []
    if let own = g_mime_object_get_header_list(cgmime_as_object(message)) { lists.append(own) }
    if let part = g_mime_message_get_mime_part(message),
      let partList = g_mime_object_get_header_list(part)
    {
      lists.append(partList)
    }
    return lists
  }

  /// True for white space, with a fast path for ASCII.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
  }

  /// True when `a` and `b` are the same field name, ignoring ASCII case.
  static func sameName(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count
      && zip(a.utf8, b.utf8).allSatisfy { lowered($0) == lowered($1) }
  }

  /// `byte` lower-cased when it is an ASCII capital letter.
  private static func lowered(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }

  /// `value` without surrounding white space.
  static func trimmed(_ value: String) -> String {
    let scalars = value.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return value }
    return String(scalars[first...last])
  }
}
