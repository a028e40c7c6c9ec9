/// How a message departs from RFC 5322 in a way it is read despite (`MessageParser` repairs it
/// and says so; `email import` and fetch record it on the email, `explain` shows it).
public enum Malformation: String, Sendable, CaseIterable, Codable {
  /// A UTF-8 byte order mark before the header (Windows tools saving `.eml` files).
  case byteOrderMark = "byte-order-mark"
  /// Blank or white-space lines before the first header field.
  case leadingBlankLines = "leading-blank-lines"
  /// An mbox `From ` envelope line before the header.
  case mboxEnvelope = "mbox-envelope"
  /// The first header line starts with white space, like a continuation line.
  case leadingContinuation = "leading-continuation"
  /// The header block runs into the body without a blank line.
  case noBlankLineAfterHeader = "no-blank-line-after-header"
  /// A folded field's continuation line lacks its leading white space.
  case unindentedContinuation = "unindented-continuation"
  /// A text part in no charset that reads it cleanly (unknown, wrong or missing, and not detected).
  case undecodableText = "undecodable-text"

  /// What was wrong and how it was read, in a sentence.
  public var explanation: String {
    switch self {
    case .byteOrderMark: "a byte order mark before the header was skipped"
    case .leadingBlankLines: "blank lines before the header were skipped"
    case .mboxEnvelope: "an mbox 'From ' envelope line before the header was skipped"
    case .leadingContinuation: "the first header line was indented like a continuation; read as a field"
    case .noBlankLineAfterHeader: "no blank line ended the header; the body was taken to start at the first line that is not a field"
    case .undecodableText:
      "a text part is in no charset that reads it cleanly (declared, UTF-8 or detected); it was read leniently and may show wrong characters"
    case .unindentedContinuation: "a header line without leading white space, followed by more fields, was read as a continuation"
    }
  }
}
