/// Repairs one header block's fields: raw 8-bit text in a legacy charset becomes UTF-8 (the
/// block's or the message's declared charset first, then the charset uchardet detects, each only
/// when it converts every such field cleanly), and encoded words are rewritten by `EncodedWords`.
/// Also reads the few parameters the walk needs (boundary, charset, forwarded message).
enum HeaderBlockRepair {
  /// True when `line` starts a field: a name of printable ASCII, optional white space, then `:`.
  static func isFieldLine(_ line: ArraySlice<UInt8>) -> Bool {
    var sawName = false
    var sawSpace = false
    for byte in line {
      if byte == 0x3A { return sawName }
      if byte == 0x20 || byte == 0x09 {
        guard sawName else { return false }
        sawSpace = true
      } else if byte > 0x20, byte < 0x7F, !sawSpace {
        sawName = true
      } else {
        return false
      }
    }
    return false
  }

  /// Field names a header almost always has, by which a line after an unindented continuation is
  /// known to be in the header still.
  private static let wellKnown: Set<String> = [
    "from", "to", "cc", "bcc", "subject", "date", "message-id", "in-reply-to", "references", "reply-to", "sender",
    "mime-version", "received", "return-path", "delivered-to", "content-type", "content-transfer-encoding",
    "content-disposition", "content-id", "content-description", "importance", "priority", "thread-index",
    "thread-topic", "list-id", "list-unsubscribe", "precedence", "auto-submitted", "dkim-signature",
    "authentication-results", "arc-seal", "user-agent",
  ]

  /// True when `line` is a field whose name is well known, or an `X-` field.
  static func isWellKnownField(_ line: ArraySlice<UInt8>) -> Bool {
    guard isFieldLine(line), let colon = line.firstIndex(of: 0x3A) else { return false }
    let name = HeaderReader.trimmed(String(decoding: line[..<colon], as: UTF8.self)).lowercased()
    return wellKnown.contains(name) || name.hasPrefix("x-")
  }

  /// The byte ranges of the fields made by `lines` (a field line and its continuations).
  static func fields(of lines: [MessageRepair.Line], in bytes: [UInt8]) -> [Range<Int>] {
    var fields: [Range<Int>] = []
    for line in lines {
      let first = bytes[line.start]
      if (first == 0x20 || first == 0x09), let last = fields.last {
        fields[fields.count - 1] = last.lowerBound..<line.end
      } else {
        fields.append(line.start..<line.end)
      }
    }
    return fields
  }

  /// The block's fields repaired (bytes from `start` to `end`).
  /// `hint` gives the declared charset to try first; it is asked only when a field has raw 8-bit text.
  static func repaired(
    _ fields: [Range<Int>], of bytes: [UInt8], from start: Int, to end: Int, hint: () -> String?
  ) -> [UInt8] {
    var pieces = fields.map { Array(bytes[$0]) }
    let eightBit = pieces.indices.filter { !CharsetConverter.isASCII(pieces[$0]) && !CharsetConverter.isUTF8(pieces[$0]) }
    let damagedUTF8 = eightBit.map { CharsetConverter.mostlyUTF8(pieces[$0]) }
    if !eightBit.isEmpty, damagedUTF8.allSatisfy({ $0 != nil }) {
      // UTF-8 with a stray damaged byte: kept as UTF-8, not re-read in another charset.
      for (index, bytes) in zip(eightBit, damagedUTF8) { pieces[index] = bytes ?? pieces[index] }
    } else if !eightBit.isEmpty {
      var candidates: [String] = []
      if let hint = hint() { candidates.append(hint) }
      if let detected = CharsetDetector.detect(eightBit.flatMap { pieces[$0] }) { candidates.append(detected) }
      // Only charsets that keep ASCII as ASCII can hold a header's field names and punctuation.
      candidates = candidates.filter { name in
        !["utf-8", "utf-7", "utf-16", "utf-32", "ucs-2", "ucs-4", "iso-2022"].contains { name.hasPrefix($0) }
      }
      for charset in candidates {
        let converted = eightBit.map { CharsetConverter.strictUTF8(pieces[$0], from: charset) }
        guard converted.allSatisfy({ $0 != nil }) else { continue }
        for (index, bytes) in zip(eightBit, converted) { pieces[index] = bytes ?? pieces[index] }
        break
      }
    }
    for index in pieces.indices {
      if let rewritten = EncodedWords.rewritten(pieces[index]) { pieces[index] = rewritten }
    }
    var result = Array(pieces.joined())
    if let last = fields.last, last.upperBound < end { result += bytes[last.upperBound..<end] }
    if let first = fields.first, first.lowerBound > start { result = Array(bytes[start..<first.lowerBound]) + result }
    return result
  }

  /// The `boundary` parameter of a Content-Type value, if any.
  static func boundary(inContentType value: String?) -> [UInt8]? {
    value.flatMap { parameter("boundary", in: $0) }.map { Array($0.utf8) }
  }

  /// The charset a Content-Type value declares, mapped by `CharsetName`.
  static func charset(inContentType value: String?) -> String? {
    CharsetName.canonical(value.flatMap { parameter("charset", in: $0) })
  }

  /// True when a Content-Type value is a forwarded message, whose body is a header block too.
  static func isMessage(contentType value: String?) -> Bool {
    guard let value = value?.lowercased() else { return false }
    return value.hasPrefix("message/rfc822") || value.hasPrefix("message/global")
  }

  /// The first charset parameter anywhere in `bytes` (the message's declared body charset), mapped.
  static func firstCharsetParameter(in bytes: [UInt8]) -> String? {
    // Found by its `=` after the name in any case: "charset=", "Charset=", "CHARSET =".
    var position = 0
    while let equals = ByteSearch.find([0x3D], in: bytes, from: position) {
      position = equals + 1
      var nameEnd = equals
      while nameEnd > 0, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
      guard nameEnd >= 7, bytes[(nameEnd - 7)..<nameEnd].map({ $0 | 0x20 }) == Array("charset".utf8) else { continue }
      let tail = bytes[(nameEnd - 7)..<min(bytes.count, nameEnd + 80)]
      let text = String(decoding: tail.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
      if let value = parameter("charset", in: ";" + text), let name = CharsetName.canonical(value) { return name }
    }
    return nil
  }

  /// The unfolded value of the block's Content-Type field.
  static func contentType(_ fields: [Range<Int>], of bytes: [UInt8]) -> String? {
    let name = Array("content-type".utf8)
    for field in fields where field.count > name.count && bytes[field.lowerBound] | 0x20 == 0x63 {
      guard bytes[field.lowerBound..<(field.lowerBound + name.count)].map({ $0 | 0x20 }) == name else { continue }
      let text = String(decoding: bytes[field], as: UTF8.self)
      guard let colon = text.firstIndex(of: ":"),
        HeaderReader.sameName(HeaderReader.trimmed(String(text[..<colon])), "Content-Type")
      else { continue }
      return HeaderReader.trimmed(
        String(text[text.index(after: colon)...].map { $0 == "\r\n" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
    return nil
  }

  /// The value of parameter `name` in a Content-Type value, unquoted.
  static func parameter(_ name: String, in value: String) -> String? {
    for part in value.split(separator: ";").dropFirst() {
      guard let equals = part.firstIndex(of: "="),
        HeaderReader.sameName(HeaderReader.trimmed(String(part[..<equals])), name)
      else { continue }
      var raw = HeaderReader.trimmed(String(part[part.index(after: equals)...]))
      if raw.hasPrefix("\"") {
        raw = String(raw.dropFirst().prefix { $0 != "\"" })
      } else {
        raw = String(raw.prefix { !$0.isWhitespace })
      }
      return raw.isEmpty ? nil : raw
    }
    return nil
  }
}
