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

  /// The status a `STATUS` response's items give, or nil when MESSAGES, UIDNEXT or UIDVALIDITY
  /// is missing.
  init?(statusItems items: [String: UInt64]) {
    guard let messages = items["MESSAGES"], let uidNext = items["UIDNEXT"], let uidValidity = items["UIDVALIDITY"] else {
      return nil
    }
    self.init(
      messages: Int(clamping: messages), uidNext: UInt32(clamping: uidNext), uidValidity: UInt32(clamping: uidValidity),
      unseen: items["UNSEEN"].map { Int(clamping: $0) })
  }
}
