/// SMTP carries lines ended by CRLF; a bare CR or LF in the message would be refused or misread.
enum LineEnds {
  /// `bytes` with every bare LF and bare CR turned into CRLF; the same array when there are none.
  static func crlf(_ bytes: [UInt8]) -> [UInt8] {
    guard let first = firstBareBreak(in: bytes) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + bytes.count / 32)
    result.append(contentsOf: bytes[..<first])
    var index = first
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0D {
        result += [0x0D, 0x0A]
        index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
      } else if byte == 0x0A {
        result += [0x0D, 0x0A]
        index += 1
      } else {
        result.append(byte)
        index += 1
      }
    }
    return result
  }

  /// The index of the first CR not followed by LF or LF not preceded by CR.
  static func firstBareBreak(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x0D:
        guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { return index }
        index += 2
      case 0x0A:
        return index
      default:
        index += 1
      }
    }
    return nil
  }
}
