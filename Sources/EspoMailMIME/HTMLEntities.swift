/// Decodes HTML character references: numeric ones and the named ones common in email.
enum HTMLEntities {
  /// Named references and the text they stand for.
  private static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "shy": "",
    "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
    "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
    "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "deg": "°", "euro": "€", "pound": "£",
    "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "times": "×", "divide": "÷", "plusmn": "±",
    "frac12": "½", "frac14": "¼", "frac34": "¾", "iexcl": "¡", "iquest": "¿", "szlig": "ß",
    "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä", "aring": "å", "aelig": "æ",
    "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê", "euml": "ë", "igrave": "ì", "iacute": "í",
    "icirc": "î", "iuml": "ï", "ntilde": "ñ", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ",
    "ouml": "ö", "oslash": "ø", "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý",
    "yuml": "ÿ", "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å",
    "AElig": "Æ", "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë", "Igrave": "Ì",
    "Iacute": "Í", "Icirc": "Î", "Iuml": "Ï", "Ntilde": "Ñ", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô",
    "Otilde": "Õ", "Ouml": "Ö", "Oslash": "Ø", "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü",
    "Yacute": "Ý", "zwnj": "", "zwj": "", "ensp": " ", "emsp": " ", "thinsp": " ",
  ]

  /// `text` with every character reference it understands replaced; others are left as written.
  static func decode(_ text: String) -> String {
    guard text.unicodeScalars.contains("&") else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if scalars[index] == "&", let (replacement, length) = reference(in: scalars, at: index) {
        result.append(contentsOf: replacement.unicodeScalars)
        index += length
      } else {
        result.append(scalars[index])
        index += 1
      }
    }
    return String(result)
  }

  /// The text of the reference starting at `start` (an `&`) and how many scalars it spans.
  private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
    var end = start + 1
    while end < scalars.count, end - start <= 32, scalars[end] != ";" {
      guard scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) || scalars[end] == "#"
      else { return nil }
      end += 1
    }
    guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
    let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
    let length = end - start + 1
    if body.hasPrefix("#") {
      let digits = body.dropFirst()
      let value = digits.first == "x" || digits.first == "X"
        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
      guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
      return (String(Character(scalar)), length)
    }
    guard let text = named[body] ?? named[body.lowercased()] else { return nil }
    return (text, length)
  }
}
