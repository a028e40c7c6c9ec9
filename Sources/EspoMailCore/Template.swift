/// A reply or notification template with `{placeholder}` fields.
public struct Template: Equatable, Codable, Sendable {
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

  /// Creates a template value.
  public init(id: Int64, name: String, subject: String, body: String, isHTML: Bool) {
    self.id = id
    self.name = name
    self.subject = subject
    self.body = body
    self.isHTML = isHTML
  }

  /// The placeholders templates may use.
  public static let placeholders = [
    "case.number", "case.name", "person.name", "person.address", "email.subject", "user.name", "user.login",
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

  /// Fills placeholders with values; missing values become empty.
  public static func render(_ text: String, _ values: [String: String]) -> String {
    var result = text
    for name in placeholders { result = result.replacing("{\(name)}", with: values[name] ?? "") }
    return result
  }
}
