internal import CCrypto

/// Content hashes for content-addressed storage.
public enum Digest {
  /// The SHA-256 of bytes, as 64 lower-case hex digits.
  public static func sha256Hex(_ bytes: [UInt8]) -> String {
    hex(sha256(bytes))
  }

  /// The SHA-256 of bytes: 32 bytes.
  public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    _ = EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
    return Array(digest.prefix(Int(length)))
  }

  /// Bytes as lower-case hex digits.
  public static func hex(_ bytes: [UInt8]) -> String {
    let hex: [Character] = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0x0f)])
    }
    return text
  }
}
