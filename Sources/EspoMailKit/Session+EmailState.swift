import EspoMailCore
import EspoMailStore

/// A change to the acting user's own view of an email.
public enum EmailStateChange: Sendable {
  /// Mark read.
  case read
  /// Mark unread.
  case unread
  /// Mark important.
  case important
  /// Unmark important.
  case unimportant
  /// Put in the user's trash.
  case trash
  /// Take out of the trash, back where it was.
  case restore
  /// Archive (out of inbox and folders).
  case archive
  /// File in one of the user's folders, or `inbox` to put it back.
  case move(String)
}

extension Session {
  /// Changes the acting user's own state of an email; other users are not affected. An email in a
  /// group folder the user works in is trashed, restored and archived for the folder's teams, and
  /// a move takes it out of the folder (Docs/email-to-case.md, "Group folders and teams").
  public func changeEmail(_ emailID: Int64, _ change: EmailStateChange) throws -> EmailSummary {
    try store.write { tx in
      _ = try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)")
      let teamChange = try applyGroupFolderChange(change, emailID: emailID, tx)
      let hasEmail = try tx.userHasEmail(emailID: emailID, userID: user.id)
      // A team change is the whole change, but for a move out of the folder into one of the
      // user's own folders (or their inbox, when the email is theirs).
      let isDone: Bool
      switch (teamChange, change) {
      case (.status?, _): isDone = true
      case (.takeOut?, .move(let folder)): isDone = !hasEmail && SpecialFolder(named: folder) == .inbox
      default: isDone = false
      }
      if isDone {
        return try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)").summary
      }
      guard hasEmail else {
        throw EspoMailError(
          .dataError, "email:\(emailID) is not in your mail", hint: "read, trash and folders are per user; only your emails have them")
      }
      switch change {
      case .read: try tx.setFlag(.read, true, emailID: emailID, userID: user.id)
      case .unread: try tx.setFlag(.read, false, emailID: emailID, userID: user.id)
      case .important: try tx.setFlag(.important, true, emailID: emailID, userID: user.id)
      case .unimportant: try tx.setFlag(.important, false, emailID: emailID, userID: user.id)
      case .trash: try tx.setFlag(.trash, true, emailID: emailID, userID: user.id)
      case .restore: try tx.setFlag(.trash, false, emailID: emailID, userID: user.id)
      case .archive: try tx.archive(emailID: emailID, userID: user.id)
      case .move(let folder):
        let folderID =
          SpecialFolder(named: folder) == .inbox
          ? nil : try tx.folderID(userID: user.id, name: folder).orNotFound("folder", folder, hint: "see 'espomail folder list'")
        try tx.moveToFolder(emailID: emailID, userID: user.id, folderID: folderID)
      }
      return try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)").summary
    }
  }

  /// Marks every unread email of one of the acting user's folders read (inbox, sent, archive,
  /// trash, important, or a folder of theirs), for them only; returns how many it marked.
  public func markFolderRead(_ folder: String) throws -> Int {
    try store.write { tx in
      if SpecialFolder(named: folder) == nil {
        _ = try tx.folderID(userID: user.id, name: folder).orNotFound("folder", folder, hint: "see 'espomail folder list'")
      }
      return try tx.markFolderRead(userID: user.id, folder: folder)
    }
  }

  /// Deletes an email for everyone (needs email.delete; admins always). Its server messages are
  /// not fetched again.
  public func deleteEmail(_ emailID: Int64) throws -> EmailSummary {
    try store.write { tx in
      let summary = try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)").summary
      let access = try EmailAccessCheck(tx: tx).decide(userID: user.id, emailID: emailID, .delete)
      guard access.allowed else {
        throw EspoMailError.denied("delete email:\(emailID)", because: "\(access.reason); use 'email trash' instead")
      }
      try tx.deleteEmail(id: emailID)
      return summary
    }
  }
}
