/// A reply or notification template with `{placeholder}` fields.
public struct Template: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Unique name.
  public var name: String
  /// Subject with placeholders.
  public var subject: String
  /// Body with placeholders.
  public var body: String
  /// Whether the body is HTML.
  public var isHTML: Bool
  /// Files sent with every message made from it (`template add|set --attach`).
  public var attachments: [AttachmentInfo]

  /// Creates a template value.
  public init(id: Int64, name: String, subject: String, body: String, isHTML: Bool, attachments: [AttachmentInfo] = []) {
    self.attachments = attachments
    self.id = id
    self.name = name
    self.subject = subject
    self.body = body
    self.isHTML = isHTML
  }

  /// The placeholders templates may use.
  public static let placeholders = [
    "case.number", "case.name", "case.assignee", "person.name", "person.address", "email.subject", "email.date", "user.name",
    "user.login", "account.name", "account.address", "date.today",
  ]

  /// Checks that every `{…}` is a known placeholder.
  public static func validate(_ text: String, field: String) throws {
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}") else {
        throw EspoMailError.invalid(field, "a '{' is never closed", hint: "placeholders: \(placeholders.map { "{\($0)}" }.joined(separator: " "))")
      }
      let name = String(rest[rest.index(after: open)..<close])
      guard placeholders.contains(name) else {
        throw EspoMailError.invalid(
          field, "unknown placeholder {\(name)}", hint: "placeholders: \(placeholders.map { "{\($0)}" }.joined(separator: " "))")
      }
      rest = rest[rest.index(after: close)...]
    }
  }

  /// Fills placeholders with values in one pass (a value holding `{…}` stays as it is); missing
  /// values become empty. With `escapingHTML` the values are HTML-escaped, for HTML bodies: mail-derived
  /// values such as a sender's subject must never add markup to what the support address sends.
  public static func render(_ text: String, _ values: [String: String], escapingHTML: Bool = false) -> String {
    var result = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      result += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      if placeholders.contains(name) {
        let value = values[name] ?? ""
        result += escapingHTML ? htmlEscaped(value) : value
      } else {
        result += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  /// Text with `&`, `<`, `>`, `"` and `'` written as HTML entities.
  public static func htmlEscaped(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
