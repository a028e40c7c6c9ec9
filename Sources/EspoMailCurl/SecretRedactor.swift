/// Hides a login's secret from text shown to users (trace lines, error messages), in every form
/// a server may echo it in: as sent, IMAP-quoted, and base64-encoded as SASL sends it (alone for
/// LOGIN, inside the PLAIN and XOAUTH2 messages, and any run of its bytes inside other base64).
public struct SecretRedactor: Sendable {
  /// The texts replaced, longest first.
  let forms: [String]

  /// Hides the secret of `options` (nothing when it has none).
  public init(_ options: CurlConnectOptions) {
    self.init(username: options.username, secret: options.secret)
  }

  /// Hides `secret`, which `username` logs in with.
  public init(username: String?, secret: CurlConnectOptions.Secret?) {
    let user = Array((username ?? "").utf8)
    var forms: [[UInt8]] = []
    var encoded: [String] = []
    switch secret {
    case .password(let password)?:
      let bytes = Array(password.utf8)
      forms = [bytes, Self.quoted(bytes)]
      encoded = [[0] + user + [0] + bytes, user + [0] + user + [0] + bytes, bytes].map(Self.base64)
      encoded += Self.base64Runs(of: bytes)
    case .bearer(let token)?:
      let bytes = Array(token.utf8)
      forms = [bytes]
      encoded = [Self.base64(Array("user=".utf8) + user + Array("\u{1}auth=Bearer ".utf8) + bytes + [1, 1])]
      encoded += Self.base64Runs(of: bytes)
    case nil:
      break
    }
    let all = forms.filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) } + encoded
    self.forms = Array(Set(all)).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
  }

  /// A redactor that hides nothing.
  public static let none = SecretRedactor(username: nil, secret: nil)

  /// `text` with every form of the secret replaced by `<redacted>`.
  public func redact(_ text: String) -> String {
    var result = text
    for form in forms where result.contains(form) {
      result = result.replacing(form, with: CurlTraceRedactor.hidden)
    }
    return result
  }

  /// The error with the secret hidden from its detail.
  public func redact(_ error: TransferError) -> TransferError {
    guard let detail = error.detail else { return error }
    return TransferError(code: error.code, summary: error.summary, detail: redact(detail))
  }

  /// The secret as an IMAP quoted string's content (`\` and `"` escaped).
  private static func quoted(_ bytes: [UInt8]) -> [UInt8] {
    bytes.flatMap { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") ? [UInt8(ascii: "\\"), $0] : [$0] }
  }

  /// The base64 characters that depend only on the secret's bytes, for each of the three ways
  /// the secret can be aligned inside a longer base64 text; runs shorter than 8 characters are
  /// left out, as they would hide unrelated text.
  private static func base64Runs(of bytes: [UInt8]) -> [String] {
    (0..<3).compactMap { offset in
      let lead = (3 - offset) % 3
      guard bytes.count > lead else { return nil }
      let whole = (bytes.count - lead) / 3 * 3
      guard whole >= 6 else { return nil }
      return base64(Array(bytes[lead..<lead + whole]))
    }
  }

  /// Standard base64 with padding.
  public static func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let count = min(3, bytes.count - index)
      var group = 0
      for offset in 0..<3 { group = group << 8 | (offset < count ? Int(bytes[index + offset]) : 0) }
      for position in 0..<4 {
        output.append(position <= count ? alphabet[(group >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }
}
