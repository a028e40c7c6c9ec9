import EspoMailCore

#if canImport(Glibc)
  import Glibc
#endif

/// The name this machine gives in SMTP's EHLO when the account sets none.
enum MachineName {
  /// The machine's fully qualified name (its canonical name through the resolver) when it has one;
  /// else the domain of the account's address, a fully qualified name the relay can check,
  /// never the short host name libcurl would send.
  static func heloName(forAddress address: String) -> String? {
    if let name = fullyQualified(), HeloName.isValid(name) { return name }
    guard let at = address.lastIndex(of: "@") else { return nil }
    let domain = String(address[address.index(after: at)...])
    return HeloName.isValid(domain) ? domain : nil
  }

  /// `gethostname`, resolved to its canonical name with `getaddrinfo(AI_CANONNAME)`.
  static func fullyQualified() -> String? {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
    let short = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if short.contains(".") { return short }
    var hints = addrinfo()
    hints.ai_flags = AI_CANONNAME
    hints.ai_family = AF_UNSPEC
    var result: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(short, nil, &hints, &result) == 0, let first = result else { return nil }
    defer { freeaddrinfo(result) }
    return first.pointee.ai_canonname.map { String(cString: $0) }
  }
}
