/// NOTIFY (RFC 5465): a session waiting in IDLE hears of new and removed mail in other folders
/// too, as untagged STATUS responses, so one connection per account watches every folder it
/// monitors.
extension IMAPClient {
  /// Whether the server offers NOTIFY.
  public var supportsNotify: Bool { capabilities.contains("NOTIFY") }

  /// Asks the server to report new and removed messages in the selected folder and in `folders`
  /// from now on, and returns the status of each of `folders` the server reports at once (its
  /// STATUS option; a folder missing from the answer, or reported without MESSAGES, UIDNEXT and
  /// UIDVALIDITY, is left out). Replaces any earlier request. A server that refuses it throws
  /// `IMAPError.commandFailed` and the session stays usable.
  public func notify(folders: [String]) throws -> [String: FolderStatus] {
    guard !folders.isEmpty else { return [:] }
    let names = try folders.map(CommandArgument.folder).joined(separator: " ")
    let wanted = Dictionary(folders.map { (ModifiedUTF7.encode($0), $0) }, uniquingKeysWith: { first, _ in first })
    var statuses: [String: FolderStatus] = [:]
    try run(
      "NOTIFY SET STATUS (selected (MessageNew MessageExpunge)) (mailboxes (\(names)) (MessageNew MessageExpunge))",
      name: "NOTIFY"
    ) { response in
      guard case .status(let rawName, let items) = response, let folder = wanted[rawName] else { return }
      statuses[folder] = FolderStatus(statusItems: items)
    }
    return statuses
  }
}
