import Foundation

/// Fast scans of raw message bytes (a message may be many megabytes).
enum ByteSearch {
  /// Where `needle` first occurs in `bytes` at or after `start`.
  static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard start < bytes.count, !needle.isEmpty else { return nil }
    return bytes.withUnsafeBytes { haystack -> Int? in
      guard let base = haystack.baseAddress else { return nil }
      var position = start
      while position + needle.count <= haystack.count {
        // memchr finds the first byte at C speed; the rest is compared here.
        guard let found = memchr(base + position, Int32(needle[0]), haystack.count - position) else { return nil }
        let index = base.distance(to: UnsafeRawPointer(found))
        guard index + needle.count <= haystack.count else { return nil }
        if (1..<needle.count).allSatisfy({ haystack[index + $0] == needle[$0] }) { return index }
        position = index + 1
      }
      return nil
    }
  }

  /// True when `=?` (an encoded word's start) occurs at or after `start`. Searched by its `?`,
  /// which base64 bodies never contain, so a large attachment is one fast scan.
  static func hasEncodedWord(_ bytes: [UInt8], from start: Int) -> Bool {
    var position = start + 1
    while let index = find([0x3F], in: bytes, from: position) {
      if bytes[index - 1] == 0x3D { return true }
      position = index + 1
    }
    return false
  }

  /// Where the next line starting with `--` (a boundary, perhaps) starts, at or after `start`.
  /// Searched by its dashes, which base64 bodies never contain.
  static func dashedLine(_ bytes: [UInt8], from start: Int) -> Int? {
    var position = start
    while let index = find([0x2D, 0x2D], in: bytes, from: position) {
      if index == start || index == 0 || bytes[index - 1] == 0x0A { return index }
      position = index + 1
    }
    return nil
  }

  /// True when a byte at or after `start` is not ASCII.
  static func hasHighBit(_ bytes: [UInt8], from start: Int) -> Bool {
    bytes.withUnsafeBytes { raw in
      var index = start
      while index + 8 <= raw.count {
        if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
        index += 8
      }
      while index < raw.count {
        if raw[index] >= 0x80 { return true }
        index += 1
      }
      return false
    }
  }
}
