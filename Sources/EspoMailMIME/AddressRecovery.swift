/// Recovers a usable address from one a sender's mailer wrote wrongly: a domain with a trailing
/// dot, a local part with spaces that lost its quotes, angle brackets around a bare address.
enum AddressRecovery {
  /// The display name and recovered address of a field's text such as `Taro <taro.@example.jp>`
  /// or a bare address; nil when no address can be recovered.
  static func mailbox(_ text: String) -> (name: String?, address: String)? {
    if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
      guard let address = recovered(String(text[text.index(after: open)..<close])) else { return nil }
      var name = HeaderReader.trimmed(String(text[..<open]))
      if name.hasPrefix("\""), name.hasSuffix("\""), name.count > 1 { name = String(name.dropFirst().dropLast()) }
      return (name.isEmpty ? nil : name, address)
    }
    return recovered(text).map { (nil, $0) }
  }

  /// The address `raw` stands for, or nil when it has no `local@domain` to recover.
  static func recovered(_ raw: String) -> String? {
    var text = HeaderReader.trimmed(raw)
    if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
    guard let at = text.lastIndex(of: "@") else { return nil }
    var local = HeaderReader.trimmed(String(text[..<at]))
    var domain = HeaderReader.trimmed(String(text[text.index(after: at)...]))
    while domain.hasSuffix(".") { domain.removeLast() }
    while domain.hasPrefix(".") { domain.removeFirst() }
    guard !local.isEmpty, !domain.isEmpty, domain.contains("."),
      !domain.unicodeScalars.contains(where: { HeaderReader.isSpace($0) || "<>()[]\\,;:\"@".unicodeScalars.contains($0) })
    else { return nil }
    if local.unicodeScalars.contains(where: HeaderReader.isSpace) {
      guard !local.contains("<"), !local.contains(">") else { return nil }
      if !(local.hasPrefix("\"") && local.hasSuffix("\"") && local.count > 1) {
        local = "\"" + local.filter { $0 != "\"" } + "\""
      }
    }
    guard !(local + domain).unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
    return local + "@" + domain
  }
}
