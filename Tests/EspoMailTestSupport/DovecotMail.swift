import Foundation

/// Users, folders and mail of a test Dovecot, all through its passwd-file and doveadm.
extension DovecotServer {
  /// Adds a user with a plain password (its own passwd-file); usable at once, without a reload.
  public func addUser(_ name: String, password: String) throws {
    guard !name.isEmpty, !name.contains(where: { ":/\n\r\t ".contains($0) }), !name.hasPrefix("."),
      !password.contains(where: { ":\n\r".contains($0) })
    else {
      throw DovecotError("a test user name cannot contain ':', '/' or blanks, nor a password ':' or line breaks")
    }
    let path = usersPath + "/" + name
    guard !FileManager.default.fileExists(atPath: path) else { throw DovecotError("the test user '\(name)' exists") }
    guard FileManager.default.createFile(atPath: path, contents: Data("\(name):{PLAIN}\(password)\n".utf8)) else {
      throw DovecotError("cannot write \(path)")
    }
  }

  /// Delivers one message to a user's folder (made if missing) with `doveadm save`.
  public func deliver(_ message: [UInt8], to user: String, folder: String = "INBOX") throws {
    try deliver(Data(message), to: user, folder: folder)
  }

  /// Delivers one message to a user's folder (made if missing) with `doveadm save`.
  public func deliver(_ message: Data, to user: String, folder: String = "INBOX") throws {
    try ensureFolder(folder, for: user)
    try doveadm(["save", "-u", user, "-m", folder], input: message)
  }

  /// Delivers many messages at once, in order (UIDs ascend with the array), with `doveadm import`.
  ///
  /// Much faster than one `deliver` per message (500 messages take well under a second).
  public func deliver(_ messages: [[UInt8]], to user: String, folder: String = "INBOX") throws {
    let scratch = directory + "/scratch/import-\(nextSerial())"
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    // A source store with the fs layout and UTF-8 names, so the folder needs no encoding here.
    let folderPath = folder == "INBOX" ? "INBOX" : folder.replacingOccurrences(of: ".", with: "/")
    let current = scratch + "/" + folderPath + "/cur"
    for sub in ["cur", "new", "tmp"] {
      try FileManager.default.createDirectory(
        atPath: scratch + "/" + folderPath + "/" + sub, withIntermediateDirectories: true)
    }
    try FileManager.default.createDirectory(atPath: scratch + "/INBOX/cur", withIntermediateDirectories: true)
    for (index, message) in messages.enumerated() {
      let name = String(format: "%09d.espomail:2,", index + 1)
      guard FileManager.default.createFile(atPath: current + "/" + name, contents: Data(message)) else {
        throw DovecotError("cannot write \(current)/\(name)")
      }
    }
    try owner.take(scratch)
    let source = "maildir:\(scratch):LAYOUT=fs:UTF-8:INBOX=\(scratch)/INBOX"
    try doveadm(["import", "-u", user, source, "", "all"])
  }

  /// Creates a folder for a user (a UTF-8 name, with "." between levels).
  public func createFolder(_ folder: String, for user: String) throws {
    try doveadm(["mailbox", "create", "-u", user, folder])
  }

  /// Deletes a folder and its mail; creating it again gives it a new UIDVALIDITY.
  public func deleteFolder(_ folder: String, for user: String) throws {
    try doveadm(["mailbox", "delete", "-u", user, folder])
  }

  /// The user's folder names, as doveadm lists them (UTF-8).
  public func folders(of user: String) throws -> [String] {
    try doveadm(["mailbox", "list", "-u", user]).split(separator: "\n").map(String.init)
  }

  /// How many messages of a user's folder lack `\Seen` (`doveadm search … UNSEEN`).
  public func unseenCount(of user: String, folder: String = "INBOX") throws -> Int {
    try doveadm(["search", "-u", user, "mailbox", folder, "UNSEEN"]).split(separator: "\n").count
  }

  /// Expunges messages by UID from a user's folder (`doveadm expunge`), as another client would.
  public func expunge(uids: [UInt32], of user: String, folder: String = "INBOX") throws {
    guard !uids.isEmpty else { return }
    let set = uids.map(String.init).joined(separator: ",")
    try doveadm(["expunge", "-u", user, "mailbox", folder, "uid", set])
  }

  /// Creates the folder unless it exists (INBOX always exists).
  private func ensureFolder(_ folder: String, for user: String) throws {
    guard folder.uppercased() != "INBOX", try !folders(of: user).contains(folder) else { return }
    try createFolder(folder, for: user)
  }

  /// Runs doveadm against this server's configuration.
  @discardableResult
  func doveadm(_ arguments: [String], input: Data? = nil) throws -> String {
    try DovecotCommand.run(DovecotPaths.doveadm, ["-c", configPath] + arguments, input: input)
  }
}

extension DovecotServer {
  /// How many messages a user's folder holds (`doveadm search … ALL`).
  public func messageCount(of user: String, folder: String = "INBOX") throws -> Int {
    try doveadm(["search", "-u", user, "mailbox", folder, "ALL"]).split(separator: "\n").count
  }
}
