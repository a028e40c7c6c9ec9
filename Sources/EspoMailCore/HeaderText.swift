/// Checks text that will become a mail header value.
public enum HeaderText {
  /// Throws a data error naming the field when the value holds CR, LF or NUL (header injection).
  public static func check(_ value: String, field: String) throws {
    guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
      throw EspoMailError.invalid(field, "it contains a line break or NUL, which could inject mail headers")
    }
  }
}
