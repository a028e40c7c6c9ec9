/// One mailbox from an address header: an optional display name and the address itself.
public struct MailAddress: Sendable, Equatable, Hashable, Codable {
  /// The display name, RFC 2047 decoded; nil when the header gave none.
  public let name: String?
  /// The address, such as `ann@example.com`, trimmed.
  public let address: String

  /// Creates an address; an empty name is stored as nil.
  public init(name: String?, address: String) {
    let trimmed = name.map(HeaderReader.trimmed)
    self.name = (trimmed?.isEmpty ?? true) ? nil : trimmed
    self.address = address
  }
}
