/// Every failure that reaches the user: a message saying what is wrong, a hint saying what to do,
/// and the exit status scripts branch on.
public struct EspoMailError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong, in one line.
  public var message: String
  /// What to do about it, if there is something useful to say.
  public var hint: String?
  /// The process exit status this error maps to.
  public var status: ExitStatus

  /// Creates an error from its parts.
  public init(_ status: ExitStatus, _ message: String, hint: String? = nil) {
    self.status = status
    self.message = message
    self.hint = hint
  }

  /// The message and hint as printed on stderr.
  public var description: String {
    if let hint { return "\(message) (\(hint))" }
    return message
  }
}

extension EspoMailError {
  /// A named thing does not exist.
  public static func notFound(_ kind: String, _ name: String, hint: String? = nil) -> Self {
    Self(.notFound, "\(kind) '\(name)' does not exist", hint: hint)
  }

  /// A name or address is already taken.
  public static func alreadyExists(_ kind: String, _ name: String, hint: String? = nil) -> Self {
    Self(.dataError, "\(kind) '\(name)' already exists", hint: hint)
  }

  /// A value was understood but is not acceptable.
  public static func invalid(_ what: String, _ reason: String, hint: String? = nil) -> Self {
    Self(.dataError, "invalid \(what): \(reason)", hint: hint)
  }

  /// A value could not be read at all; `accepted` lists the forms that are.
  public static func malformed(_ what: String, _ value: String, accepted: String) -> Self {
    Self(.usage, "malformed \(what) '\(value)'", hint: "accepted: \(accepted)")
  }

  /// The acting user may not do this.
  public static func denied(_ action: String, because reason: String, hint: String? = nil) -> Self {
    Self(.permissionDenied, "permission denied: \(action): \(reason)", hint: hint)
  }

  /// Configuration is missing or inconsistent.
  public static func configuration(_ message: String, hint: String? = nil) -> Self {
    Self(.configuration, message, hint: hint)
  }
}
