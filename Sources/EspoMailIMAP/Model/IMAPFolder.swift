/// A folder (mailbox) as LIST reports it.
public struct IMAPFolder: Sendable, Equatable {
  /// The name in UTF-8, as users see it and as the session's methods take it.
  public let name: String
  /// The name on the wire (modified UTF-7, RFC 3501 §5.1.3).
  public let rawName: String
  /// The hierarchy delimiter, such as "." or "/", or nil for a flat namespace.
  public let delimiter: String?
  /// LIST attributes, such as `\HasNoChildren`, `\Noselect`, `\Sent`.
  public let attributes: [String]

  /// Creates a folder description.
  public init(name: String, rawName: String, delimiter: String?, attributes: [String]) {
    self.name = name
    self.rawName = rawName
    self.delimiter = delimiter
    self.attributes = attributes
  }

  /// Whether the folder can be selected (it has no `\Noselect` or `\NonExistent` attribute).
  public var isSelectable: Bool {
    !attributes.contains { ["\\NOSELECT", "\\NONEXISTENT"].contains($0.uppercased()) }
  }
}
