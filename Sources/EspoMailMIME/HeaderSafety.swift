import EspoMailCore

/// The guard against header injection: a header value holding CR, LF or NUL could end its header
/// and start new ones (or hide the rest), so such values are refused before anything is composed.
public enum HeaderSafety {
  /// Throws `EspoMailError(.dataError)` naming `field` when `value` holds CR, LF or NUL.
  public static func check(_ value: String, field: String) throws {
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\r", "\n":
        throw refusal(field, "contains a line break (CR or LF)")
      case "\0":
        throw refusal(field, "contains a NUL character")
      default:
        continue
      }
    }
  }

  /// The error for an unsafe value of `field`.
  static func refusal(_ field: String, _ reason: String) -> EspoMailError {
    EspoMailError(
      .dataError, "header injection refused: \(field) \(reason)",
      hint: "a header value must be a single line; remove the line breaks")
  }
}
