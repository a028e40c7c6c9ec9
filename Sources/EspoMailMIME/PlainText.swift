/// Reduces HTML to readable plain text, for HTML-only messages and search indexing.
public enum PlainText {
  /// `html` as text: script, style and head dropped, tags removed, block elements turned into line
  /// breaks (paragraphs and headings into blank lines, list items into "- " lines), entities decoded,
  /// runs of white space collapsed, and the result trimmed.
  public static func fromHTML(_ html: String) -> String {
    var scanner = HTMLScanner(html)
    var text = PlainTextBuilder()
    while let token = scanner.next() {
      switch token {
      case .text(let raw):
        text.append(text.preformatted > 0 ? HTMLEntities.decode(raw) : HTMLEntities.decode(collapsed(raw)))
      case .tag(let name, let closing):
        text.apply(tag: name, closing: closing)
      }
    }
    return text.result()
  }

  /// `raw` with every run of HTML white space replaced by one space.
  private static func collapsed(_ raw: String) -> String {
    var result = String.UnicodeScalarView()
    var inSpace = false
    for scalar in raw.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
        if !inSpace { result.append(" ") }
        inSpace = true
      } else {
        result.append(scalar)
        inSpace = false
      }
    }
    return String(result)
  }
}
