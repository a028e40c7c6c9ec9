import Testing

@testable import EspoMailMIME

/// Charset names as mailers write them, mapped to iconv's (`CharsetName`), and the detector and
/// strict converter the parser builds on.
@Suite struct CharsetNameTests {
  @Test("odd spellings map to the charset they mean", arguments: [
    ("koi8_r", "koi8-r"), ("KOI8-R", "koi8-r"), ("utf8", "utf-8"), ("\"UTF-8\"", "utf-8"), ("cp-1251", "windows-1251"),
    ("win-1251", "windows-1251"), ("x-cp1250", "windows-1250"), ("windows1252", "windows-1252"), ("cp-866", "cp866"),
    ("unicode-1-1-utf-7", "utf-7"), ("x-gbk", "gb18030"), ("GB2312", "gb18030"), ("ks_c_5601-1987", "cp949"),
    ("Shift_JIS", "cp932"), ("big5", "big5-hkscs"), ("iso8859_2", "iso-8859-2"), ("ISO-8859-1", "windows-1252"),
    ("utf-8*en", "utf-8"),
  ])
  func mapped(raw: String, expected: String) {
    #expect(CharsetName.canonical(raw) == expected)
  }

  @Test("names that declare nothing, or nothing iconv knows, are undeclared", arguments: [
    "x-unknown", "unknown-8bit", "us-ascii", "", "  ", "x-made-up-charset", "8bit",
  ])
  func undeclared(raw: String) {
    #expect(CharsetName.canonical(raw) == nil)
  }

  @Test func strictConversionRefusesBytesInvalidInTheCharset() {
    #expect(CharsetConverter.strictUTF8([0xC3, 0xA9], from: "utf-8") == [0xC3, 0xA9])
    #expect(CharsetConverter.strictUTF8([0xE9], from: "windows-1252") == Array("é".utf8))
    #expect(CharsetConverter.strictUTF8([0xE9, 0x41], from: "utf-8") == nil)
    #expect(CharsetConverter.strictUTF8([0x81], from: "shift_jis") == nil)  // a lead byte without its trail
  }

  @Test func detectorNamesLegacyCharsetsOfASentence() throws {
    let raw = try Fixture.bytes("corpus/raw-8bit/koi8-r-undeclared.eml")
    let body = Array(raw[EmailBodyStart.of(raw)...].prefix { $0 != 0x0D })
    #expect(CharsetDetector.detect(body) == "koi8-r")
    #expect(CharsetDetector.utf8(body, hint: nil) == Array("Уважаемый клиент, только сегодня действуют большие скидки на все товары.".utf8))
    #expect(CharsetDetector.utf8(body, hint: "windows-1251") != nil)  // the hint comes first when it converts
  }

  @Test func textNoCharsetReadsCleanlyIsMarkedNotSilentlyGuessed() throws {
    let head = "From: a@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\n"
    let guessed = try MessageParser.parse(Array(head.utf8) + [0x41, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x0D, 0x0A])
    #expect(guessed.malformations == [.undecodableText])
    let clean = try MessageParser.parse(Array((head + "plain ASCII\r\n").utf8))
    #expect(clean.malformations.isEmpty)
    #expect(clean.textBody == "plain ASCII\n")
  }

  @Test func encodedWordRunsBecomeOneUTF8Word() {
    #expect(EncodedWords.rewritten("=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=") == "=?UTF-8?B?SGVsbG8gd29ybGQ=?=")
    #expect(EncodedWords.rewritten("=?utf-8?B?SGVsbG8=?=") == "=?utf-8?B?SGVsbG8=?=")  // one word: untouched
    #expect(MIMELibrary.decodeHeader("=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=") == "Hello world")
    #expect(MIMELibrary.decodeHeader("Re: =?koi8_r?B?8NLJ18XU?=") == "Re: Привет")
  }
}

/// Where a message's body starts.
enum EmailBodyStart {
  /// Just after the first blank line (CR LF CR LF).
  static func of(_ raw: [UInt8]) -> Int {
    (0..<(raw.count - 3)).first { raw[$0] == 0x0D && raw[$0 + 1] == 0x0A && raw[$0 + 2] == 0x0D && raw[$0 + 3] == 0x0A }.map { $0 + 4 } ?? raw.count
  }
}
