extension IMAPClient {
  /// All folders (LIST "" "*"), names decoded to UTF-8.
  public func listFolders() throws -> [IMAPFolder] {
    var folders: [IMAPFolder] = []
    try run("LIST \"\" \"*\"", name: "LIST") { response in
      guard case .list(let attributes, let delimiter, let rawName) = response else { return }
      let name = ModifiedUTF7.decode(rawName) ?? rawName
      folders.append(IMAPFolder(name: name, rawName: rawName, delimiter: delimiter, attributes: attributes))
    }
    return folders
  }

  /// STATUS (MESSAGES UIDNEXT UIDVALIDITY UNSEEN) of a folder, without selecting it.
  public func status(_ folder: String) throws -> FolderStatus {
    let encoded = ModifiedUTF7.encode(folder)
    var reported: [(name: String, items: [String: UInt64])] = []
    try run(
      "STATUS \(try CommandArgument.folder(folder)) (MESSAGES UIDNEXT UIDVALIDITY UNSEEN)", name: "STATUS \(folder)",
      folder: folder
    ) { response in
      if case .status(let name, let items) = response { reported.append((name, items)) }
    }
    // The answer naming the folder (INBOX in any case). One that names it otherwise is taken only
    // when it is the only answer: a server also reporting other folders (NOTIFY's unsolicited
    // STATUS) must not have their counters read as this folder's.
    let isInbox = encoded.uppercased() == "INBOX"
    let named = reported.last { $0.name == encoded || (isInbox && $0.name.uppercased() == "INBOX") }
    guard let answer = named ?? (reported.count == 1 ? reported.first : nil) else {
      throw IMAPError.malformedResponse(
        reported.isEmpty ? "STATUS \(folder) got no answer" : "STATUS \(folder) was answered for other folders only")
    }
    guard let status = FolderStatus(statusItems: answer.items) else {
      throw IMAPError.malformedResponse("STATUS \(folder) did not report MESSAGES, UIDNEXT and UIDVALIDITY")
    }
    return status
  }

  /// Opens a folder read-only (EXAMINE): fetching never changes flags. `unseen` is nil.
  public func examine(_ folder: String) throws -> FolderStatus {
    try open(folder, command: "EXAMINE")
  }

  /// Opens a folder read-write (SELECT). `unseen` is nil.
  public func select(_ folder: String) throws -> FolderStatus {
    try open(folder, command: "SELECT")
  }

  /// SELECT or EXAMINE, reading EXISTS, UIDVALIDITY and UIDNEXT from the untagged responses.
  private func open(_ folder: String, command: String) throws -> FolderStatus {
    var messages: Int?
    var uidValidity: UInt32?
    var uidNext: UInt32?
    try run("\(command) \(try CommandArgument.folder(folder))", name: "\(command) \(folder)", folder: folder) {
      switch $0 {
      case .exists(let count):
        messages = count
      case .state(let state) where state.condition == "OK":
        switch state.code?.name {
        case "UIDVALIDITY": uidValidity = state.code?.number
        case "UIDNEXT": uidNext = state.code?.number
        default: break
        }
      default:
        break
      }
    }
    guard let messages, let uidValidity else {
      throw IMAPError.malformedResponse("\(command) \(folder) did not report EXISTS and UIDVALIDITY")
    }
    // UIDNEXT is optional in RFC 3501 responses; STATUS supplies it when a server leaves it out.
    let next = try uidNext ?? status(folder).uidNext
    return FolderStatus(messages: messages, uidNext: next, uidValidity: uidValidity, unseen: nil)
  }
}
