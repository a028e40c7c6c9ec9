/// Splits HTML into text runs and tags, skipping comments, declarations and the content of
/// elements that hold no readable text (script, style, head, title, …).
struct HTMLScanner {
  /// One piece of an HTML document.
  enum Token: Equatable {
    /// Text between tags, still with entities.
    case text(String)
    /// A tag, its name lower-cased.
    case tag(name: String, closing: Bool)
  }

  /// Elements whose whole content is dropped.
  private static let hiddenElements: Set<String> = [
    "script", "style", "head", "title", "noscript", "template", "object", "iframe", "svg",
  ]

  /// The document.
  private let scalars: [Unicode.Scalar]
  /// Where scanning continues.
  private var position = 0

  /// Creates a scanner over `html`.
  init(_ html: String) {
    scalars = Array(html.unicodeScalars)
  }

  /// The next token, or nil at the end.
  mutating func next() -> Token? {
    while position < scalars.count {
      if scalars[position] != "<" { return .text(readText()) }
      if starts(with: "<!--") {
        skip(past: "-->")
      } else if starts(with: "<!") || starts(with: "<?") {
        skip(past: ">")
      } else if let (name, closing) = readTag() {
        if !closing, Self.hiddenElements.contains(name) { skip(past: "</\(name)", thenTagEnd: true) }
        return .tag(name: name, closing: closing)
      } else {
        position += 1
        return .text("<")
      }
    }
    return nil
  }

  /// Reads text up to the next `<`.
  private mutating func readText() -> String {
    var view = String.UnicodeScalarView()
    while position < scalars.count, scalars[position] != "<" {
      view.append(scalars[position])
      position += 1
    }
    return String(view)
  }

  /// Reads a tag at `position` (which holds `<`); nil, without moving, when it is not a tag.
  private mutating func readTag() -> (String, Bool)? {
    var index = position + 1
    let closing = index < scalars.count && scalars[index] == "/"
    if closing { index += 1 }
    var name = String.UnicodeScalarView()
    while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
      name.append(scalars[index])
      index += 1
    }
    guard !name.isEmpty else { return nil }
    var quote: Unicode.Scalar?
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if let open = quote {
        if scalar == open { quote = nil }
      } else if scalar == "\"" || scalar == "'" {
        quote = scalar
      } else if scalar == ">" {
        break
      }
    }
    position = index
    return (String(name).lowercased(), closing)
  }

  /// True when the document continues at `position` with `prefix` (ASCII, case-insensitive).
  private func starts(with prefix: String) -> Bool {
    var index = position
    for expected in prefix.unicodeScalars {
      guard index < scalars.count, lowered(scalars[index]) == expected else { return false }
      index += 1
    }
    return true
  }

  /// Moves past the next `marker` (case-insensitive), or to the end; with `thenTagEnd`, also past
  /// the `>` after it, and nowhere at all when the closing tag is missing.
  private mutating func skip(past marker: String, thenTagEnd: Bool = false) {
    let start = position
    while position < scalars.count, !starts(with: marker) { position += 1 }
    if thenTagEnd, position == scalars.count {
      position = start
      return
    }
    position = min(scalars.count, position + marker.unicodeScalars.count)
    if thenTagEnd {
      while position < scalars.count, scalars[position] != ">" { position += 1 }
      position = min(scalars.count, position + 1)
    }
  }

  /// `scalar` lower-cased when it is an ASCII capital letter.
  private func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
  }
}
