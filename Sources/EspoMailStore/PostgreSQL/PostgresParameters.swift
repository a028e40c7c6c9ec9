internal import CLibPQ

/// Statement arguments laid out as libpq takes them: integers and reals as typed text, text and
/// NULL left for the server to type from their place (so a name compared with a case-insensitive
/// column stays case-insensitive), bytes as binary `bytea`, search words as a binary `tsvector`.
struct PostgresParameters {
  private var types: [Oid] = []
  private var values: [[UInt8]?] = []
  private var formats: [Int32] = []

  /// How many parameters there are.
  var count: Int { types.count }

  /// The parameters' types, as a key for a statement prepared for them.
  var typeKey: String { types.map(String.init).joined(separator: ",") }

  /// The layout of `arguments`; `typingNumbersByPlace` leaves numbers untyped too, for the server
  /// to type from where they stand (a row insert's columns).
  init(_ arguments: SQLArguments, typingNumbersByPlace: Bool = false) {
    let integer = typingNumbersByPlace ? PostgresType.unknown : PostgresType.int8
    let real = typingNumbersByPlace ? PostgresType.unknown : PostgresType.float8
    for value in arguments.values {
      switch value {
      case .null: add(nil, type: PostgresType.unknown, binary: false)
      case .integer(let number): add(Array(String(number).utf8), type: integer, binary: false)
      case .real(let number): add(Array("\(number)".utf8), type: real, binary: false)
      case .text(let text): add(Array(text.utf8), type: PostgresType.unknown, binary: false)
      case .blob(let bytes): add(bytes, type: PostgresType.bytea, binary: true)
      case .searchWords(let document): add(PostgresTSVector.binary(of: document), type: PostgresType.tsvector, binary: true)
      }
    }
  }

  private mutating func add(_ bytes: [UInt8]?, type: Oid, binary: Bool) {
    types.append(type)
    values.append(bytes)
    formats.append(binary ? 1 : 0)
  }

  /// Calls `body` with the C arrays of types, values, lengths and formats; text values are
  /// NUL-terminated copies that live only for the call.
  func withPointers<R>(
    _ body: (
      UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?
    ) -> R
  ) -> R {
    let buffers: [UnsafeMutablePointer<CChar>?] = values.map { value in
      guard let value else { return nil }
      let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: value.count + 1)
      value.withUnsafeBufferPointer { source in
        source.withMemoryRebound(to: CChar.self) { buffer.update(from: $0.baseAddress!, count: value.count) }
      }
      buffer[value.count] = 0
      return buffer
    }
    defer { buffers.forEach { $0?.deallocate() } }
    let pointers = buffers.map { UnsafePointer($0) }
    let lengths = values.map { Int32($0?.count ?? 0) }
    return types.withUnsafeBufferPointer { types in
      pointers.withUnsafeBufferPointer { pointers in
        lengths.withUnsafeBufferPointer { lengths in
          formats.withUnsafeBufferPointer { formats in
            body(types.baseAddress, pointers.baseAddress, lengths.baseAddress, formats.baseAddress)
          }
        }
      }
    }
  }
}

/// PostgreSQL's text form of `bytea` (`\x` and two hex digits a byte), read back into bytes.
enum PostgresBytea {
  /// The bytes of a `bytea` column in text form.
  static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8] {
    guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") else { return Array(text) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity((text.count - 2) / 2)
    var index = 2
    while index + 1 < text.count {
      bytes.append(nibble(text[index]) << 4 | nibble(text[index + 1]))
      index += 2
    }
    return bytes
  }

  private static func nibble(_ digit: UInt8) -> UInt8 {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: 0
    }
  }
}

/// PostgreSQL's binary form of a `tsvector` without positions, as its `tsvectorrecv` reads it: the
/// number of lexemes (32 bits, big-endian), then each lexeme's UTF-8, a NUL and a 16-bit count of
/// positions (0). The server sorts the lexemes itself but does not remove repeats, so the words
/// must be distinct, as `SearchDocument`'s are; and it takes them as they are, where the text
/// form costs it a parse of every word (Docs/performance.md, "First sync into PostgreSQL").
enum PostgresTSVector {
  /// The binary `tsvector` of a document's words.
  static func binary(of document: SearchDocument) -> [UInt8] {
    let text = document.text.utf8
    var bytes: [UInt8] = [0, 0, 0, 0]
    bytes.reserveCapacity(4 + text.count + 3 * 64)
    var count: UInt32 = 0
    for byte in text {
      if byte == UInt8(ascii: " ") {
        bytes += [0, 0, 0]
        count += 1
      } else {
        bytes.append(byte)
      }
    }
    if !text.isEmpty {
      bytes += [0, 0, 0]
      count += 1
    }
    for index in 0..<4 { bytes[index] = UInt8(truncatingIfNeeded: count >> (24 - 8 * index)) }
    return bytes
  }
}
