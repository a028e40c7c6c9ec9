/// Accumulates the text of an HTML document, turning tags into line structure.
struct PlainTextBuilder {
  /// Tags that end a line.
  private static let lineTags: Set<String> = [
    "br", "div", "tr", "ul", "ol", "dl", "dt", "dd", "table", "section", "article", "header",
    "footer", "nav", "aside", "form", "fieldset", "address", "center", "figure", "figcaption", "main",
  ]
  /// Tags that stand apart from their neighbours by a blank line.
  private static let paragraphTags: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
  ]
  /// Table cells, separated by a space.
  private static let cellTags: Set<String> = ["td", "th"]

  /// The text so far, as Unicode scalars.
  private var output = String.UnicodeScalarView()
  /// How many `<pre>` elements are open.
  private(set) var preformatted = 0

  /// Adds a run of (already collapsed and decoded) text.
  mutating func append(_ text: String) {
    for scalar in text.unicodeScalars {
      if scalar == " ", output.isEmpty || output.last == " " || output.last == "\n", preformatted == 0 {
        continue
      }
      output.append(scalar)
    }
  }

  /// Applies the line structure of the tag `name` (lower-cased).
  mutating func apply(tag name: String, closing: Bool) {
    if name == "pre" { preformatted = max(0, preformatted + (closing ? -1 : 1)) }
    if name == "br" {
      breakLine(force: true)
    } else if name == "li" {
      breakLine(force: false)
      if !closing { output.append(contentsOf: "- ".unicodeScalars) }
    } else if Self.paragraphTags.contains(name) {
      breakLine(force: false)
      breakLine(force: true)
    } else if Self.lineTags.contains(name) {
      breakLine(force: false)
    } else if Self.cellTags.contains(name), !closing {
      append(" ")
    }
  }

  /// Ends the current line; without `force`, only when the line has something on it.
  private mutating func breakLine(force: Bool) {
    while output.last == " " { output.removeLast() }
    if force || !(output.isEmpty || output.last == "\n") { output.append("\n") }
  }

  /// The text with trailing spaces removed, at most one blank line in a row, and no blank lines around it.
  func result() -> String {
    var lines: [Substring] = []
    var blank = 0
    for line in String(output).split(separator: "\n", omittingEmptySubsequences: false) {
      var text = line
      while let last = text.last, last == " " || last == "\u{A0}" { text = text.dropLast() }
      if text.isEmpty {
        blank += 1
        if blank > 1 || lines.isEmpty { continue }
      } else {
        blank = 0
      }
      lines.append(text)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
