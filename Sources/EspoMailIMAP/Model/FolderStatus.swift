/// The counters that tell whether a folder has changed since the last look.
public struct FolderStatus: Sendable, Equatable {
  /// Number of messages.
  public let messages: Int
  /// The UID the next message will get.
  public let uidNext: UInt32
  /// The UID validity; when it changes, every stored UID of the folder is void.
  public let uidValidity: UInt32
  /// Number of unseen messages; from STATUS only (EXAMINE/SELECT do not report a count).
  public let unseen: Int?

  /// Creates a status.
  public init(messages: Int, uidNext: UInt32, uidValidity: UInt32, unseen: Int?) {
    self.messages = messages
    self.uidNext = uidNext
    self.uidValidity = uidValidity
    self.unseen = unseen
  }
}
