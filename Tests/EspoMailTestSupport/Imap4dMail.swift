import Foundation

/// Users' folders and mail of a test imap4d, through IMAP itself (Python's imaplib, which logs in
/// with the LOGIN command): imap4d has no admin tool like doveadm, and mail written into its
/// maildirs behind its back is numbered in unpredictable ways.
extension Imap4dServer {
  /// Appends messages to a user's folder (made if missing), in order.
  public func deliver(_ messages: [[UInt8]], to login: String, password: String, folder: String = "INBOX") throws {
    var input = Data()
    for message in messages {
      input.append(contentsOf: Array("\(message.count)\n".utf8))
      input.append(contentsOf: message)
    }
    try imap(login, password, ["append", folder], input: input)
  }

  /// Opens a user's INBOX once, which makes it (imap4d makes a new user's INBOX on first SELECT).
  func openInbox(of login: String, password: String) throws {
    try imap(login, password, ["open", "INBOX"])
  }

  /// Creates a folder for a user.
  public func createFolder(_ folder: String, for login: String, password: String) throws {
    try imap(login, password, ["create", folder])
  }

  /// Deletes a folder and its mail.
  public func deleteFolder(_ folder: String, for login: String, password: String) throws {
    try imap(login, password, ["delete", folder])
  }

  /// How many messages of a user's folder lack `\Seen`.
  public func unseenCount(of login: String, password: String, folder: String = "INBOX") throws -> Int {
    let text = try imap(login, password, ["unseen", folder])
    guard let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw DovecotError("imap4d's STATUS said '\(text)'")
    }
    return count
  }

  /// How many messages a user's folder holds.
  public func messageCount(of login: String, password: String, folder: String = "INBOX") throws -> Int {
    let text = try imap(login, password, ["count", folder])
    guard let count = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw DovecotError("imap4d's STATUS said '\(text)'")
    }
    return count
  }

  /// Runs the imaplib helper for one user.
  @discardableResult
  private func imap(_ login: String, _ password: String, _ arguments: [String], input: Data? = nil) throws -> String {
    try DovecotCommand.run(
      "/usr/bin/python3", ["-c", Self.helper, "\(port)", login, password] + arguments + [certificatePath ?? ""],
      input: input ?? Data())
  }

  /// The helper: `PORT LOGIN PASSWORD ACTION FOLDER CA-FILE` (STARTTLS first when a CA file is
  /// given); `append` reads "SIZE\n" + bytes per message.
  static let helper = #"""
    import imaplib, sys, re, ssl
    port, user, password, action, folder, cafile = sys.argv[1:7]
    m = imaplib.IMAP4("127.0.0.1", int(port))
    if cafile:
        m.starttls(ssl.create_default_context(cafile=cafile))
    m.login(user, password)
    quoted = '"' + folder.replace('\\', '\\\\').replace('"', '\\"') + '"'
    def check(result):
        if result[0] != "OK":
            sys.exit("%s %s: %r" % (action, folder, result))
        return result[1]
    if action == "append":
        # With the folder open, as a mail client has it when mail arrives: imap4d then numbers
        # the new message below the UIDNEXT it reported before (no RFC 3501 server may).
        if folder.upper() != "INBOX":
            m.create(quoted)
        check(m.select(quoted))
        data = sys.stdin.buffer.read()
        while data:
            size, _, data = data.partition(b"\n")
            message, data = data[:int(size)], data[int(size):]
            check(m.append(quoted, None, None, message))
    elif action == "open":
        check(m.select(quoted))
    elif action == "create":
        check(m.create(quoted))
    elif action == "delete":
        check(m.delete(quoted))
    elif action in ("unseen", "count"):
        item = "UNSEEN" if action == "unseen" else "MESSAGES"
        answer = check(m.status(quoted, "(%s)" % item))[0].decode()
        print(re.search(item + r" (\d+)", answer).group(1))
    m.logout()
    """#
}
