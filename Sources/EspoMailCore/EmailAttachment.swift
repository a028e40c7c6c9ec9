/// One attachment or inline part of a stored email, numbered from 1 in message order.
public struct EmailAttachment: Equatable, Sendable {
  /// Its number, as `email attachment ID NUMBER` takes it.
  public var number: Int
  /// File name (decoded, path components removed).
  public var name: String
  /// MIME type.
  public var contentType: String
  /// Decoded size in bytes.
  public var size: Int
  /// Shown inside the HTML body (a `cid:` image) rather than attached.
  public var isInline: Bool
  /// Content-ID without angle brackets.
  public var contentId: String?

  /// Creates a description.
  public init(number: Int, name: String, contentType: String, size: Int, isInline: Bool, contentId: String?) {
    self.number = number
    self.name = name
    self.contentType = contentType
    self.size = size
    self.isInline = isInline
    self.contentId = contentId
  }
}
