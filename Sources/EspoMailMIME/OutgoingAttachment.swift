/// A file to attach to an outgoing message; it is sent base64 encoded.
public struct OutgoingAttachment: Sendable, Equatable {
  /// The file name shown to the recipient (RFC 2231 encoded when not ASCII).
  public var filename: String
  /// The MIME type, such as `application/pdf`; parameters may follow (`text/plain; charset=utf-8`).
  public var contentType: String
  /// The file's bytes.
  public var data: [UInt8]

  /// Creates an attachment.
  public init(filename: String, contentType: String, data: [UInt8]) {
    self.filename = filename
    self.contentType = contentType
    self.data = data
  }
}
