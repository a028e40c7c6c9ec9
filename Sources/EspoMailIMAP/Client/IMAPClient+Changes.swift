extension IMAPClient {
  /// Adds flags (such as `\Seen`) to messages of the selected folder: `UID STORE +FLAGS.SILENT`.
  public func addFlags(_ flags: [String], uids: [UInt32]) throws {
    let sorted = UIDSet.normalised(uids)
    guard !sorted.isEmpty, !flags.isEmpty else { return }
    let list = try CommandArgument.flagList(flags)
    for chunk in UIDSet.chunks(sorted, size: 1000) {
      try run("UID STORE \(UIDSet.string(sorted: chunk)) +FLAGS.SILENT \(list)", name: "UID STORE")
    }
  }

  /// Appends a message to a folder with the given flags (APPEND, as a literal).
  ///
  /// Uses a non-synchronising literal when the server has LITERAL+, which saves a round trip.
  public func append(_ message: [UInt8], to folder: String, flags: [String]) throws {
    let flagPart = flags.isEmpty ? "" : " " + (try CommandArgument.flagList(flags))
    let waits = !capabilities.contains("LITERAL+")
    let literal = waits ? "{\(message.count)}" : "{\(message.count)+}"
    let name = "APPEND to \(folder)"
    let tag = try send("APPEND \(try CommandArgument.folder(folder))\(flagPart) \(literal)")
    if waits { try awaitContinuation(tag, name: name, folder: folder) }
    trace?("> <\(message.count) bytes of message>")
    try sendRaw(message)
    try sendRaw([13, 10])
    try complete(tag, name: name, folder: folder)
  }
}
