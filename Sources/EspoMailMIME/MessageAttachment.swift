/// An attachment or inline part of a message, with its decoded content.
public struct MessageAttachment: Sendable, Equatable {
  /// The file name (RFC 2047/2231 decoded, path components removed), or a generated one.
  public let filename: String
  /// The lower-cased MIME type, such as `image/png`.
  public let contentType: String
  /// True for a part shown inside the HTML body (`cid:` image), false for a downloadable file.
  public let isInline: Bool
  /// The Content-ID without angle brackets, if the part has one.
  public let contentID: String?
  /// The content with its transfer encoding (base64, quoted-printable) removed.
  public let data: [UInt8]

  /// Creates an attachment from its parts.
  public init(filename: String, contentType: String, isInline: Bool, contentID: String?, data: [UInt8]) {
    self.filename = filename
    self.contentType = contentType
    self.isInline = isInline
    self.contentID = contentID
    self.data = data
  }
}
