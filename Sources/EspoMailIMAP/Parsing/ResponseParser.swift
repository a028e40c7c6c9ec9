/// Parses one complete response (as cut by `ResponseFramer`) into a `ServerResponse`.
struct ResponseParser {
  /// Deepest nesting of parenthesised lists read (a BODYSTRUCTURE of a deeply nested message
  /// stays far below it).
  static let maximumListDepth = 128

  /// The response's bytes, CRLF included.
  private let bytes: [UInt8]
  /// The read position.
  private var index = 0

  /// Parses a frame.
  static func parse(_ frame: [UInt8]) throws -> ServerResponse {
    var parser = ResponseParser(bytes: frame)
    return try parser.response()
  }

  /// Parses a single value (list, string, literal, NIL or atom) from the start of `bytes`.
  static func value(of bytes: [UInt8]) throws -> IMAPValue {
    var parser = ResponseParser(bytes: bytes)
    return try parser.value()
  }

  /// Creates a parser over a frame.
  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// response = continuation / untagged / tagged.
  private mutating func response() throws -> ServerResponse {
    if peek == UInt8(ascii: "+") {
      index += 1
      if peek == UInt8(ascii: " ") { index += 1 }
      return .continuation(restOfLine())
    }
    let tag = try atom()
    try expectSpace()
    if tag == "*" { return .untagged(try untagged()) }
    let condition = try atom().uppercased()
    guard ["OK", "NO", "BAD"].contains(condition) else {
      throw IMAPError.malformedResponse("tagged response '\(tag) \(condition)'")
    }
    return .tagged(tag: tag, try state(condition))
  }

  /// The part after "* ".
  private mutating func untagged() throws -> UntaggedResponse {
    let first = try atom()
    if let number = Int(first) {
      try expectSpace()
      let keyword = try atom().uppercased()
      switch keyword {
      case "EXISTS": return .exists(number)
      case "RECENT": return .recent(number)
      case "EXPUNGE": return .expunge(number)
      case "FETCH":
        try expectSpace()
        return .fetch(try FetchResponse(sequence: number, value: try value()))
      default: return .other(keyword)
      }
    }
    let keyword = first.uppercased()
    switch keyword {
    case "OK", "NO", "BAD", "BYE", "PREAUTH":
      return .state(try state(keyword))
    case "CAPABILITY":
      return .capability(restOfLine().split(separator: " ").map(String.init))
    case "LIST", "LSUB":
      return try list()
    case "STATUS":
      return try status()
    case "SEARCH":
      return .search(try search())
    case "FLAGS":
      try expectSpace()
      return .flags(try value().atoms)
    default:
      return .other(keyword)
    }
  }

  /// resp-text after a condition: optional " [code args]", then text.
  private mutating func state(_ condition: String) throws -> ResponseState {
    guard peek == UInt8(ascii: " ") else { return ResponseState(condition: condition, code: nil, text: "") }
    index += 1
    var code: ResponseCode?
    if peek == UInt8(ascii: "[") {
      index += 1
      let codeStart = index
      while let byte = peek, byte != UInt8(ascii: "]"), byte != 13, byte != 10 { index += 1 }
      guard peek == UInt8(ascii: "]") else { throw IMAPError.malformedResponse("unterminated response code") }
      let inside = text(codeStart..<index)
      index += 1
      if peek == UInt8(ascii: " ") { index += 1 }
      let name = inside.prefix { $0 != " " }
      let arguments = inside.dropFirst(name.count).drop { $0 == " " }
      code = ResponseCode(name: name.uppercased(), arguments: String(arguments))
    }
    return ResponseState(condition: condition, code: code, text: restOfLine())
  }

  /// `LIST (attributes) delimiter name`.
  private mutating func list() throws -> UntaggedResponse {
    try expectSpace()
    let attributes = try value().atoms
    try expectSpace()
    let delimiter = try value()
    try expectSpace()
    guard let name = try value().text else { throw IMAPError.malformedResponse("LIST without a name") }
    return .list(attributes: attributes, delimiter: delimiter.text, rawName: name)
  }

  /// `STATUS name (ITEM n ...)`.
  private mutating func status() throws -> UntaggedResponse {
    try expectSpace()
    guard let name = try value().text else { throw IMAPError.malformedResponse("STATUS without a name") }
    skipSpaces()
    guard case .list(let values) = try value(), values.count % 2 == 0 else {
      throw IMAPError.malformedResponse("STATUS without its item list")
    }
    var items: [String: UInt64] = [:]
    for pair in stride(from: 0, to: values.count, by: 2) {
      guard let key = values[pair].text, let number = values[pair + 1].text.flatMap({ UInt64($0) }) else {
        throw IMAPError.malformedResponse("STATUS item is not 'NAME number'")
      }
      items[key.uppercased()] = number
    }
    return .status(rawName: name, items: items)
  }

  /// `SEARCH n n n` (a trailing CONDSTORE `(MODSEQ n)` is ignored).
  private mutating func search() throws -> [UInt32] {
    var numbers: [UInt32] = []
    while peek == UInt8(ascii: " ") {
      index += 1
      if peek == UInt8(ascii: "(") {
        _ = try value()
        continue
      }
      guard peek != 13, peek != 10, peek != nil else { break }
      let word = try atom()
      guard let number = UInt32(word) else { throw IMAPError.malformedResponse("SEARCH result '\(word)'") }
      numbers.append(number)
    }
    return numbers
  }

  /// One value: list, quoted string, literal, NIL or atom (an atom may carry a `[section]`).
  /// `depth` counts the lists it is inside; past `maximumListDepth` the response is refused
  /// rather than followed down until the stack runs out.
  private mutating func value(depth: Int = 0) throws -> IMAPValue {
    guard let byte = peek else { throw IMAPError.malformedResponse("the response ended early") }
    switch byte {
    case UInt8(ascii: "("):
      guard depth < Self.maximumListDepth else {
        throw IMAPError.malformedResponse("lists nested more than \(Self.maximumListDepth) deep")
      }
      index += 1
      var items: [IMAPValue] = []
      while true {
        skipSpaces()
        guard let next = peek else { throw IMAPError.malformedResponse("unterminated list") }
        if next == UInt8(ascii: ")") {
          index += 1
          return .list(items)
        }
        items.append(try value(depth: depth + 1))
      }
    case UInt8(ascii: "\""):
      return .string(try quoted())
    case UInt8(ascii: "{"), UInt8(ascii: "~"):
      return .string(try literal())
    default:
      let word = try atom()
      return word.uppercased() == "NIL" ? .none : .atom(word)
    }
  }

  /// A quoted string with `\"` and `\\` escapes.
  private mutating func quoted() throws -> [UInt8] {
    index += 1
    var output: [UInt8] = []
    while let byte = peek {
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return output
      case UInt8(ascii: "\\"):
        guard let escaped = peek else { break }
        output.append(escaped)
        index += 1
      case 13, 10:
        throw IMAPError.malformedResponse("a line break inside a quoted string")
      default:
        output.append(byte)
      }
    }
    throw IMAPError.malformedResponse("unterminated quoted string")
  }

  /// A literal `{n}CRLF` (or `~{n}`, `{n+}`) followed by n bytes.
  private mutating func literal() throws -> [UInt8] {
    if peek == UInt8(ascii: "~") { index += 1 }
    index += 1
    var length = 0
    var digits = 0
    while let byte = peek, byte >= 0x30, byte <= 0x39 {
      digits += 1
      guard digits <= ResponseFramer.maximumLiteralDigits else {
        throw IMAPError.malformedResponse("a literal length has too many digits")
      }
      length = length * 10 + Int(byte - 0x30)
      index += 1
    }
    if peek == UInt8(ascii: "+") { index += 1 }
    guard peek == UInt8(ascii: "}") else { throw IMAPError.malformedResponse("malformed literal length") }
    index += 1
    if peek == 13 { index += 1 }
    guard peek == 10 else { throw IMAPError.malformedResponse("no line break after a literal length") }
    index += 1
    guard length <= bytes.count - index else { throw IMAPError.malformedResponse("a literal is cut short") }
    defer { index += length }
    return Array(bytes[index..<(index + length)])
  }

  /// An atom: bytes up to a space, parenthesis or line break; `[...]` inside it may hold anything.
  private mutating func atom() throws -> String {
    let start = index
    var depth = 0
    while let byte = peek {
      if byte == 13 || byte == 10 { break }
      if depth == 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { break }
      if byte == UInt8(ascii: "[") { depth += 1 }
      if byte == UInt8(ascii: "]"), depth > 0 { depth -= 1 }
      index += 1
    }
    guard index > start else { throw IMAPError.malformedResponse("expected an atom at byte \(start)") }
    return text(start..<index)
  }

  /// The rest of the current line without its line break.
  private mutating func restOfLine() -> String {
    let start = index
    while let byte = peek, byte != 13, byte != 10 { index += 1 }
    return text(start..<index)
  }

  /// Consumes one space or throws.
  private mutating func expectSpace() throws {
    guard peek == UInt8(ascii: " ") else { throw IMAPError.malformedResponse("expected a space at byte \(index)") }
    index += 1
  }

  /// Consumes any spaces.
  private mutating func skipSpaces() {
    while peek == UInt8(ascii: " ") { index += 1 }
  }

  /// The byte at the read position, or nil at the end.
  private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// Bytes as UTF-8 text.
  private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

extension IMAPValue {
  /// The texts of a list's atoms and strings (for flags, attributes); empty for anything else.
  var atoms: [String] {
    guard case .list(let items) = self else { return [] }
    return items.compactMap(\.text)
  }
}
