extension FetchResponse {
  /// Reads the attribute list of a FETCH response: `(UID 5 FLAGS (\Seen) BODY[] {n}…)`.
  init(sequence: Int, value: IMAPValue) throws {
    guard case .list(let items) = value, items.count % 2 == 0 else {
      throw IMAPError.malformedResponse("FETCH data is not a list of name/value pairs")
    }
    self.init(sequence: sequence)
    for pair in stride(from: 0, to: items.count, by: 2) {
      guard case .atom(let rawName) = items[pair] else {
        throw IMAPError.malformedResponse("FETCH item name is not an atom")
      }
      let name = rawName.uppercased()
      let item = items[pair + 1]
      switch name {
      case "UID":
        guard let uid = item.text.flatMap({ UInt32($0) }) else { throw IMAPError.malformedResponse("FETCH UID") }
        self.uid = uid
      case "RFC822.SIZE":
        guard let size = item.text.flatMap({ Int($0) }) else { throw IMAPError.malformedResponse("RFC822.SIZE") }
        self.size = size
      case "FLAGS":
        flags = item.atoms
      case "INTERNALDATE":
        internalDate = item.text
      default:
        // A NIL section is no section: RFC 9051 answers the body of a message expunged by another
        // client with NIL (and OK [EXPUNGEISSUED]); it must not pass for an empty message.
        if case IMAPValue.none = item { continue }
        if name.hasPrefix("BODY[") || name.hasPrefix("BINARY[") || name.hasPrefix("RFC822"), let bytes = item.bytes {
          sections[name] = bytes
        }
      }
    }
  }
}
