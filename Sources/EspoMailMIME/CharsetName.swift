internal import CGMime
import Foundation

/// Charset names as mailers write them, mapped to names iconv knows (`koi8_r`, `cp-1251`, `utf8`,
/// `unicode-1-1-utf-7`, `x-gbk`, …), with the usual supersets for legacy Asian charsets.
enum CharsetName {
  /// Names that say nothing about the bytes' charset: the text is treated as undeclared.
  private static let meaningless: Set<String> = [
    "", "us-ascii", "ascii", "ansi-x3.4-1968", "x-unknown", "unknown", "unknown-8bit", "x-user-defined",
    "default", "8bit", "7bit", "charset", "none", "binary", "iso", "x-binaryenc",
  ]

  /// Aliases iconv does not know as written, and legacy charsets read through their supersets
  /// (what the mailers that write them actually send).
  private static let aliases: [String: String] = [
    "utf8": "utf-8", "utf-8-bom": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "unicode-1-1-utf-7": "utf-7", "utf7": "utf-7", "x-unicode-2-0-utf-7": "utf-7",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb-2312": "gb18030",
    "gb-2312-80": "gb18030", "euc-cn": "gb18030", "x-euc-cn": "gb18030", "chinese": "gb18030",
    "csgb2312": "gb18030", "hz-gb-2312": "hz",
    "big5": "big5-hkscs", "x-big5": "big5-hkscs", "big-5": "big5-hkscs", "cn-big5": "big5-hkscs", "cp950": "big5-hkscs",
    "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms-kanji": "cp932", "csshiftjis": "cp932",
    "windows-31j": "cp932", "x-ms-cp932": "cp932",
    "euc-kr": "cp949", "x-euc-kr": "cp949", "ks-c-5601-1987": "cp949", "ks-c-5601": "cp949", "ksc5601": "cp949",
    "ksc-5601": "cp949", "korean": "cp949", "x-windows-949": "cp949",
    "iso-8859-8-i": "iso-8859-8", "iso-8859-6-i": "iso-8859-6", "iso-8859-1": "windows-1252",
    "latin1": "windows-1252", "latin-1": "windows-1252", "l1": "windows-1252",
    "x-mac-roman": "macintosh", "mac": "macintosh", "x-mac-cyrillic": "mac-cyrillic",
    "koi8": "koi8-r", "x-koi8-r": "koi8-r", "koi8r": "koi8-r", "koi8u": "koi8-u",
    "tis-620": "cp874", "windows-874": "cp874",
  ]

  /// The iconv name for `raw` (a declared charset), or nil when it declares nothing usable: absent,
  /// ASCII, `x-unknown` and the like, or a name no alias maps to one iconv knows.
  static func canonical(_ raw: String?) -> String? {
    guard let raw else { return nil }
    var name = HeaderReader.trimmed(raw).lowercased()
    name = String(name.filter { $0 != "\"" && $0 != "'" })
    if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231 language
    name = name.replacingUnderscores()
    guard !meaningless.contains(name) else { return nil }
    let mapped = aliases[name] ?? windowsCodePage(name) ?? isoPart(name) ?? name
    return isKnown(mapped) ? mapped : nil
  }

  /// `cp-1251`, `win-1251`, `windows1251`, `x-cp1251`, `ms-1251`, `ansi-1251` → `windows-1251`;
  /// other code pages (`cp-866`) → `cp866`.
  private static func windowsCodePage(_ name: String) -> String? {
    var rest = Substring(name)
    if rest.hasPrefix("x-") { rest = rest.dropFirst(2) }
    guard let prefix = ["windows", "win", "cp", "ms", "ansi"].first(where: { rest.hasPrefix($0) }) else { return nil }
    rest = rest.dropFirst(prefix.count)
    if rest.hasPrefix("-") { rest = rest.dropFirst() }
    guard !rest.isEmpty, rest.count <= 5, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber) else { return nil }
    if rest.count == 4, rest.hasPrefix("125") { return "windows-\(rest)" }
    return aliases["cp\(rest)"] ?? "cp\(rest)"
  }

  /// `iso8859-1`, `iso-8859_1`, `iso88591` → `iso-8859-1` (then its alias, if any).
  private static func isoPart(_ name: String) -> String? {
    guard name.hasPrefix("iso") else { return nil }
    let digits = name.dropFirst(3).filter { $0 != "-" }
    guard digits.hasPrefix("8859"), digits.count > 4, digits.allSatisfy(\.isNumber) else { return nil }
    let iso = "iso-8859-\(digits.dropFirst(4))"
    return aliases[iso] ?? iso
  }

  /// Answers of `isKnown` so far (opening an iconv converter loads a module: too slow per word).
  private static let known = KnownCharsets()

  /// True when iconv can convert from `name` to UTF-8.
  static func isKnown(_ name: String) -> Bool {
    if let answer = known.answer(name) { return answer }
    var answer = false
    if let converter = g_iconv_open("UTF-8", name), Int(bitPattern: converter) != -1 {
      _ = g_iconv_close(converter)
      answer = true
    }
    known.record(name, answer)
    return answer
  }
}

/// The charset names iconv was asked about, shared by every parse (thread-safe, at most 256 kept
/// so that names made up by spam cannot grow it without end).
final class KnownCharsets: @unchecked Sendable {
  private let lock = NSLock()
  private var answers: [String: Bool] = [:]

  /// The recorded answer for `name`, if any.
  func answer(_ name: String) -> Bool? { lock.withLock { answers[name] } }

  /// Records whether iconv knows `name`.
  func record(_ name: String, _ answer: Bool) {
    lock.withLock { if answers.count < 256 { answers[name] = answer } }
  }
}

extension String {
  /// The name with `_` and runs of spaces turned into `-`.
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" || $0 == " " ? "-" : $0 })
  }
}
