/// IMAP's modified UTF-7 for folder names (RFC 3501 §5.1.3): printable ASCII as itself ("&" as
/// "&-"), everything else as UTF-16 in modified base64 ("," for "/", no padding) between "&" and "-".
public enum ModifiedUTF7 {
  /// The modified base64 alphabet.
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

  /// Encodes a UTF-8 folder name for the wire.
  public static func encode(_ name: String) -> String {
    var output: [UInt8] = []
    var pending: [UInt16] = []
    func flush() {
      guard !pending.isEmpty else { return }
      output.append(UInt8(ascii: "&"))
      output.append(contentsOf: base64(pending))
      output.append(UInt8(ascii: "-"))
      pending.removeAll()
    }
    for scalar in name.unicodeScalars {
      if scalar.value >= 0x20, scalar.value <= 0x7e {
        flush()
        output.append(UInt8(scalar.value))
        if scalar == "&" { output.append(UInt8(ascii: "-")) }
      } else {
        pending.append(contentsOf: String(Character(scalar)).utf16)
      }
    }
    flush()
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes a wire folder name; nil when it is not valid modified UTF-7.
  public static func decode(_ raw: String) -> String? {
    let bytes = Array(raw.utf8)
    var output = ""
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard byte >= 0x20, byte <= 0x7e else { return nil }
      guard byte == UInt8(ascii: "&") else {
        output.unicodeScalars.append(Unicode.Scalar(byte))
        index += 1
        continue
      }
      guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
      if end == index + 1 {
        output.append("&")
      } else {
        guard let units = unbase64(bytes[(index + 1)..<end]) else { return nil }
        var decoded = ""
        var iterator = units.makeIterator()
        var utf16 = UTF16()
        decoding: while true {
          switch utf16.decode(&iterator) {
          case .scalarValue(let scalar):
            // Printable ASCII must not be encoded (RFC 3501), so it makes the name invalid.
            if scalar.value >= 0x20, scalar.value <= 0x7e { return nil }
            decoded.unicodeScalars.append(scalar)
          case .emptyInput: break decoding
          case .error: return nil
          }
        }
        output += decoded
      }
      index = end + 1
    }
    return output
  }

  /// UTF-16 code units in modified base64, without padding.
  private static func base64(_ units: [UInt16]) -> [UInt8] {
    var bytes: [UInt8] = []
    for unit in units { bytes += [UInt8(unit >> 8), UInt8(unit & 0xff)] }
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      var value: UInt32 = 0
      for (offset, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * offset) }
      let characters = chunk.count + 1
      for position in 0..<characters { output.append(alphabet[Int((value >> (18 - 6 * position)) & 0x3f)]) }
      index += 3
    }
    return output
  }

  /// Modified base64 back to UTF-16 code units; nil when malformed.
  private static func unbase64(_ characters: ArraySlice<UInt8>) -> [UInt16]? {
    var bits: UInt32 = 0
    var bitCount = 0
    var bytes: [UInt8] = []
    for character in characters {
      guard let value = alphabet.firstIndex(of: character) else { return nil }
      bits = (bits << 6) | UInt32(value)
      bitCount += 6
      if bitCount >= 8 {
        bitCount -= 8
        bytes.append(UInt8((bits >> UInt32(bitCount)) & 0xff))
      }
    }
    // Leftover bits must be padding zeros, and the bytes must make whole UTF-16 units.
    guard bitCount < 6, bits & ((1 << UInt32(bitCount)) - 1) == 0, bytes.count % 2 == 0, !bytes.isEmpty else {
      return nil
    }
    return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
  }
}
