internal import CUchardet

/// Guesses the charset of undeclared 8-bit text with uchardet (Mozilla's universal charset
/// detector, Debian's libuchardet); see Docs/architecture.md for why uchardet.
enum CharsetDetector {
  /// The iconv name of the charset uchardet finds for `bytes`, if it finds one and iconv knows it.
  static func detect(_ bytes: [UInt8]) -> String? {
    guard !bytes.isEmpty, let detector = uchardet_new() else { return nil }
    defer { uchardet_delete(detector) }
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { uchardet_handle_data(detector, $0.baseAddress, $0.count) }
    }
    guard status == 0 else { return nil }
    uchardet_data_end(detector)
    guard let name = uchardet_get_charset(detector) else { return nil }
    return CharsetName.canonical(String(cString: name))
  }

  /// `bytes` (8-bit text in no declared or no working charset) as UTF-8: through `hint` when it
  /// converts them cleanly, else through the detected charset when that does; nil when neither does.
  static func utf8(_ bytes: [UInt8], hint: String?) -> [UInt8]? {
    if let hint, let converted = CharsetConverter.strictUTF8(bytes, from: hint) { return converted }
    if let detected = detect(bytes), detected != hint, let converted = CharsetConverter.strictUTF8(bytes, from: detected) {
      return converted
    }
    return nil
  }
}
