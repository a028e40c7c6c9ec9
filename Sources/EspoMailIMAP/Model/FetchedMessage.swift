/// One message, or its header, as fetched from the selected folder.
public struct FetchedMessage: Sendable {
  /// The message's UID in the folder.
  public let uid: UInt32
  /// RFC822.SIZE: the size of the whole message in bytes.
  public let size: Int
  /// The flags, such as `\Seen` or `$Label1`.
  public let flags: [String]
  /// INTERNALDATE as the server wrote it, such as "22-Nov-2026 21:10:04 +0000".
  public let internalDate: String?
  /// The header block (ending with its blank line) or the whole message, as asked.
  public let bytes: [UInt8]

  /// Creates a fetched message.
  public init(uid: UInt32, size: Int, flags: [String], internalDate: String?, bytes: [UInt8]) {
    self.uid = uid
    self.size = size
    self.flags = flags
    self.internalDate = internalDate
    self.bytes = bytes
  }
}
