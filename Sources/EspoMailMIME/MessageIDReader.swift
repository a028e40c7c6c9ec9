/// Reads message ids from Message-ID, In-Reply-To and References values.
enum MessageIDReader {
  /// The Message-ID as written: its first `<…>` token, or the trimmed value; nil when empty.
  static func messageID(_ value: String?) -> String? {
    guard let value = value.map(HeaderReader.trimmed), !value.isEmpty else { return nil }
    if let open = value.firstIndex(of: "<"),
      let close = value[open...].firstIndex(of: ">"),
      value.index(after: open) < close
    {
      return String(value[open...close])
    }
    return value
  }

  /// Every message id in `value`, each with angle brackets: every `<…>` token outside comments,
  /// in order, so one malformed id (`<yes>`, no `@`) never hides the ids after it (GMime's parser
  /// stops there). A value with no bracketed token gives its bare `id@host` words.
  static func ids(_ value: String?) -> [String] {
    guard let value, !value.isEmpty else { return [] }
    let bracketed = bracketedTokens(value)
    if !bracketed.isEmpty { return bracketed }
    return value.split(whereSeparator: \.isWhitespace).filter { $0.contains("@") }.map { "<\($0)>" }
  }

  /// The `<…>` tokens of a header value, skipping (nested) comments; folding whitespace inside a
  /// token is removed, empty tokens are dropped.
  static func bracketedTokens(_ value: String) -> [String] {
    var tokens: [String] = []
    var token: String?
    var commentDepth = 0
    var escaped = false
    for character in value {
      if escaped {
        escaped = false
        continue
      }
      if token == nil, character == "\\", commentDepth > 0 {
        escaped = true
      } else if token == nil, character == "(" {
        commentDepth += 1
      } else if token == nil, character == ")", commentDepth > 0 {
        commentDepth -= 1
      } else if commentDepth > 0 {
        continue
      } else if character == "<" {
        token = ""
      } else if character == ">", let text = token {
        if !text.isEmpty { tokens.append("<\(text)>") }
        token = nil
      } else if token != nil, !character.isWhitespace {
        token?.append(character)
      }
    }
    return tokens
  }
}
