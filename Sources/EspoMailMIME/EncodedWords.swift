import Foundation

/// Rewrites RFC 2047 encoded words in raw header bytes before GMime reads them, so that GMime
/// 3.2.13 decodes them right.
///
/// GMime joins a run of adjacent encoded words of one charset and encoding and decodes the joined
/// base64 as one stream; its decoder stops at the `=` padding of the first word, so everything
/// after it was lost ("Über" for "Übersicht.pdf", the fold Outlook and Gmail use). GMime also
/// turns words in a charset name iconv does not know as written (`koi8_r`, `cp-1251`) into
/// mojibake. Here every run of two or more adjacent words, and every word whose charset name needs
/// mapping, is decoded word by word (base64 fragments that do not end on a quartet carried into
/// the next word, as broken mailers split them), converted to UTF-8 and written back as one
/// `=?UTF-8?B?…?=` word. Other words are left as they are.
enum EncodedWords {
  /// One encoded word found in the bytes.
  private struct Word {
    /// Where `=?` starts.
    var start: Int
    /// Just after `?=`.
    var end: Int
    /// The charset as written, lower-cased, without an RFC 2231 language.
    var charset: String
    /// `b` or `q`.
    var encoding: UInt8
    /// The encoded text.
    var payload: ArraySlice<UInt8>
  }

  /// `bytes` with their encoded-word runs rewritten, or nil when none needs it.
  static func rewritten(_ bytes: [UInt8]) -> [UInt8]? {
    guard bytes.count > 4 else { return nil }
    let words = find(in: bytes)
    guard !words.isEmpty else { return nil }
    var runs: [[Word]] = []
    for word in words {
      if let last = runs.last?.last, bytes[last.end..<word.start].allSatisfy(isLinearSpace) {
        runs[runs.count - 1].append(word)
      } else {
        runs.append([word])
      }
    }
    let toRewrite = runs.filter { $0.count > 1 || needsMapping($0[0].charset) }
    guard !toRewrite.isEmpty else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var position = 0
    for run in toRewrite {
      guard let first = run.first, let last = run.last else { continue }
      result += bytes[position..<first.start]
      let text = decode(run)
      if !text.isEmpty { result += Array("=?UTF-8?B?\(Data(text).base64EncodedString())?=".utf8) }
      position = last.end
    }
    result += bytes[position...]
    return result
  }

  /// `value` (a header value as text) with its encoded-word runs rewritten.
  static func rewritten(_ value: String) -> String {
    rewritten(Array(value.utf8)).map { String(decoding: $0, as: UTF8.self) } ?? value
  }

  /// Charset names GMime reads as written, answered without asking `CharsetName`.
  private static let wellKnown: Set<String> = [
    "utf-8", "us-ascii", "iso-8859-1", "iso-8859-2", "iso-8859-15", "windows-1250", "windows-1251", "windows-1252",
    "koi8-r", "koi8-u", "iso-2022-jp", "euc-jp",
  ]

  /// True when GMime would not read `charset` as written.
  private static func needsMapping(_ charset: String) -> Bool {
    if wellKnown.contains(charset) { return false }
    guard let canonical = CharsetName.canonical(charset) else { return charset != "us-ascii" }
    return canonical != charset && !(canonical == "windows-1252" && charset == "iso-8859-1")
      && !(canonical == "utf-8" && charset == "utf-8")
  }

  /// The text of a run of words as UTF-8: consecutive words of one charset are decoded together
  /// (a character may be split between them) and converted once.
  private static func decode(_ run: [Word]) -> [UInt8] {
    var output: [UInt8] = []
    var index = 0
    while index < run.count {
      let charset = run[index].charset
      var raw: [UInt8] = []
      var pending: [UInt8] = []  // base64 characters not yet making a whole quartet
      while index < run.count, run[index].charset == charset {
        let word = run[index]
        if word.encoding == UInt8(ascii: "b") {
          pending += word.payload.filter { !isLinearSpace($0) }
          let isPadded = pending.last == UInt8(ascii: "=")
          if isPadded || pending.count % 4 == 0 || index + 1 == run.count || run[index + 1].charset != charset
            || run[index + 1].encoding != word.encoding
          {
            raw += base64(pending)
            pending = []
          }
        } else {
          raw += base64(pending)
          pending = []
          raw += quoted(word.payload)
        }
        index += 1
      }
      raw += base64(pending)
      output += utf8(raw, charset: charset)
    }
    return output
  }

  /// Decoded base64, padded as needed; characters outside the alphabet are skipped.
  private static func base64(_ characters: [UInt8]) -> [UInt8] {
    guard !characters.isEmpty else { return [] }
    var clean = characters.filter { isBase64($0) }
    while clean.count % 4 != 0 { clean.append(UInt8(ascii: "=")) }
    guard let data = Data(base64Encoded: Data(clean)) else {
      // Padding inside the text (two words joined by a sender): decode quartet by quartet.
      var result: [UInt8] = []
      for start in stride(from: 0, to: clean.count, by: 4) {
        if let piece = Data(base64Encoded: Data(clean[start..<start + 4])) { result += piece }
      }
      return result
    }
    return [UInt8](data)
  }

  /// True for the base64 alphabet and its padding.
  private static func isBase64(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
      || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
  }

  /// Decoded Q encoding (`_` for space, `=XX` for a byte).
  private static func quoted(_ payload: ArraySlice<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    var index = payload.startIndex
    while index < payload.endIndex {
      let byte = payload[index]
      if byte == UInt8(ascii: "_") {
        result.append(0x20)
      } else if byte == UInt8(ascii: "="), index + 2 < payload.endIndex,
        let high = hexValue(payload[index + 1]), let low = hexValue(payload[index + 2])
      {
        result.append(high << 4 | low)
        index += 2
      } else {
        result.append(byte)
      }
      index += 1
    }
    return result
  }

  /// The value of one hexadecimal digit.
  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  /// `raw` in `charset` as UTF-8: strictly through the mapped charset, else as UTF-8 when valid,
  /// else through the detected charset, else leniently.
  private static func utf8(_ raw: [UInt8], charset: String) -> [UInt8] {
    let canonical = CharsetName.canonical(charset)
    if let canonical, let converted = CharsetConverter.strictUTF8(raw, from: canonical) { return converted }
    if CharsetConverter.isUTF8(raw) { return raw }
    if let converted = CharsetDetector.utf8(raw, hint: nil) { return converted }
    if let canonical, let converted = StreamBytes.convertedToUTF8(raw, from: canonical) { return converted }
    return CharsetConverter.strictUTF8(raw, from: "windows-1252") ?? Array(String(decoding: raw, as: UTF8.self).utf8)
  }

  /// Every well-formed encoded word in `bytes`, in order.
  private static func find(in bytes: [UInt8]) -> [Word] {
    var words: [Word] = []
    var index = 0
    let question = UInt8(ascii: "?")
    let equals = UInt8(ascii: "=")
    while index + 1 < bytes.count {
      guard bytes[index] == equals, bytes[index + 1] == question else {
        index += 1
        continue
      }
      // =?charset?e?text?=
      var cursor = index + 2
      while cursor < bytes.count, bytes[cursor] != question, !isLinearSpace(bytes[cursor]), cursor - index < 64 {
        cursor += 1
      }
      guard cursor + 2 < bytes.count, bytes[cursor] == question, cursor > index + 2,
        bytes[cursor + 2] == question
      else {
        index += 2
        continue
      }
      let encoding = bytes[cursor + 1] | 0x20
      guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else {
        index += 2
        continue
      }
      let textStart = cursor + 3
      var end = textStart
      while end + 1 < bytes.count, !(bytes[end] == question && bytes[end + 1] == equals), !isLinearSpace(bytes[end]) {
        end += 1
      }
      guard end + 1 < bytes.count, bytes[end] == question, bytes[end + 1] == equals else {
        index += 2
        continue
      }
      var charset = String(decoding: bytes[(index + 2)..<cursor], as: UTF8.self).lowercased()
      if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
      words.append(Word(start: index, end: end + 2, charset: charset, encoding: encoding, payload: bytes[textStart..<end]))
      index = end + 2
    }
    return words
  }

  /// True for space, tab, CR and LF.
  private static func isLinearSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }
}
