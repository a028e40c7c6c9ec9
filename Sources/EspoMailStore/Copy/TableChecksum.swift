import EspoMailSecrets

/// A checksum of a table's rows that does not depend on their order (the engines sort text
/// differently): each row's SHA-256 over its values, summed in four 64-bit lanes. Two tables have
/// the same checksum and count when they hold the same rows, up to an accident of 2^-256.
struct TableChecksum: Equatable {
  /// How many rows were added.
  private(set) var rows = 0
  private var lanes: [UInt64] = [0, 0, 0, 0]

  /// Adds one row, its values in the table's column order. NULL, bytes and every other value are
  /// told apart; numbers count as their decimal text, so both engines' forms of a value agree.
  mutating func add(_ values: [SQLValue]) {
    var encoded: [UInt8] = []
    for value in values {
      switch value {
      case .null: encoded.append(0)
      case .blob(let bytes): Self.append(1, bytes, to: &encoded)
      case .integer(let number): Self.append(2, Array(String(number).utf8), to: &encoded)
      case .real(let number): Self.append(2, Array("\(number)".utf8), to: &encoded)
      case .text(let text): Self.append(2, Array(text.utf8), to: &encoded)
      case .searchWords(let document): Self.append(2, Array(document.text.utf8), to: &encoded)
      }
    }
    let digest = Digest.sha256(encoded)
    for lane in 0..<4 {
      var word: UInt64 = 0
      for byte in digest[(lane * 8)..<(lane * 8 + 8)] { word = word << 8 | UInt64(byte) }
      lanes[lane] &+= word
    }
    rows += 1
  }

  /// The checksum as 64 hex digits.
  var hex: String {
    Digest.hex(lanes.flatMap { lane in (0..<8).reversed().map { UInt8(truncatingIfNeeded: lane >> ($0 * 8)) } })
  }

  private static func append(_ tag: UInt8, _ bytes: [UInt8], to encoded: inout [UInt8]) {
    encoded.append(tag)
    let count = UInt32(truncatingIfNeeded: bytes.count)
    encoded += [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)]
    encoded += bytes
  }
}
