internal import CCrypto

/// Content hashes for content-addressed storage.
public enum Digest {
  /// The SHA-256 of bytes, as 64 lower-case hex digits.
  public static func sha256Hex(_ bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    _ = EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
    let hex: [Character] = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(64)
    for byte in digest.prefix(Int(length)) {
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0x0f)])
    }
    return text
  }
}
