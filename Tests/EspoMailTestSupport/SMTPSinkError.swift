/// A failure to start or read the test SMTP sink.
public struct SMTPSinkError: Error, CustomStringConvertible {
  /// What went wrong.
  public let message: String
  /// Where to look or what to install.
  public let hint: String?

  /// Creates an error.
  init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  /// The message and hint.
  public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}
