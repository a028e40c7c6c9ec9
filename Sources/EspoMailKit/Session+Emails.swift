import EspoMailCore
import EspoMailStore
import Foundation

/// What `email list` filters on, by name.
public struct EmailFilterRequest: Sendable {
  /// inbox, sent, archive, trash, important or a personal folder.
  public var folder: String?
  /// An account name.
  public var account: String?
  /// A group folder the acting user works in; `folder` may then be trash or archive (its teams').
  public var groupFolder: String?
  /// A linked record.
  public var parent: RecordReference?
  /// Words to search for.
  public var search: String?
  /// At most this many.
  public var limit: Int
  /// The next page: emails listed after this one (older).
  public var before: Int64?
  /// The previous page: emails listed before this one (newer).
  public var after: Int64?

  /// Creates a request.
  public init(
    folder: String?, account: String?, parent: RecordReference?, search: String?, limit: Int, before: Int64? = nil,
    after: Int64? = nil, groupFolder: String? = nil
  ) {
    self.groupFolder = groupFolder
    self.folder = folder
    self.account = account
    self.parent = parent
    self.search = search
    self.limit = limit
    self.before = before
    self.after = after
  }
}

extension Session {
  /// Emails the acting user may see by their email.read level, newest first; what they may not
  /// read is neither listed nor counted.
  public func listEmails(_ request: EmailFilterRequest) throws -> [EmailSummary] {
    guard (1...10_000).contains(request.limit) else {
      throw EspoMailError.invalid("--limit \(request.limit)", "give 1 to 10000")
    }
    return try store.read { tx in try tx.emails(try emailQuery(request, tx)) }
  }

  /// Every email the acting user may read that matches the filters, newest first, with bodies,
  /// handed to `each` a page at a time from one consistent view of the store, so an export of
  /// any size holds one page in memory.
  public func exportEmails(_ request: EmailFilterRequest, pageSize: Int = 1000, each: (EmailDetail) throws -> Void) throws {
    try store.read { tx in
      var query = try emailQuery(request, tx)
      query.limit = pageSize
      while true {
        let page = try tx.emailDetails(query)
        for email in page { try each(email) }
        guard page.count == pageSize, let last = page.last else { return }
        query.before = last.summary.id
      }
    }
  }

  /// The store query for a listing request: the acting user's visibility, the filters and the
  /// page cursor, checked.
  private func emailQuery(_ request: EmailFilterRequest, _ tx: Transaction) throws -> EmailQuery {
    guard request.before == nil || request.after == nil else {
      throw EspoMailError(.usage, "give --before or --after, not both")
    }
    var query = EmailQuery(viewerID: user.id, visibility: try emailVisibility(tx), limit: request.limit)
    query.folder = request.folder
    if let name = request.groupFolder {
      let status = try request.folder.map { folder in
        guard let status = GroupFolderStatus(rawValue: folder.lowercased()) else {
          throw EspoMailError.invalid(
            "--folder \(folder) with --group-folder", "a group folder has only its teams' trash and archive",
            hint: "give --folder trash, --folder archive, or no --folder for its live mail")
        }
        return status
      }
      query.groupFolder = (try workableGroupFolder(name, action: "email list --group-folder \(name)", tx), status)
      query.folder = nil
    }
    query.parent = request.parent
    query.search = request.search
    query.before = request.before
    query.after = request.after
    if let name = request.account {
      query.accountID = try tx.mailAccountID(name: name).orNotFound("email account", name)
    }
    for cursor in [request.before, request.after].compactMap({ $0 }) {
      _ = try tx.emailDetail(id: cursor, viewerID: user.id).orNotFound(
        "email", "email:\(cursor)", hint: "page from an id of the last listing")
    }
    return query
  }

  /// One email in full, for a user who may read it.
  public func showEmail(_ id: Int64) throws -> EmailDetail {
    try store.read { tx in try readableEmail(id, tx) }
  }

  /// An email's raw message exactly as fetched, for a user who may read it.
  public func rawEmail(_ id: Int64) throws -> [UInt8] {
    try store.read { tx in
      guard let sha = try readableEmail(id, tx).rawSHA256, let raw = try tx.rawMessage(sha256: sha) else {
        throw EspoMailError(.notFound, "email:\(id) has no raw message kept")
      }
      return raw
    }
  }

  /// Which emails the acting user may see.
  func emailVisibility(_ tx: Transaction) throws -> EmailVisibility {
    try EmailAccess.visibility(isAdmin: user.isAdmin, level: level(.email, .read)) { try tx.teamIDs(userID: user.id) }
  }

  /// Imports an .eml file as if an account had fetched it. Admins import into any account or none;
  /// other users only into their own personal account, and then the email reaches their mailbox
  /// alone: no recipient is given it and nobody is notified (Docs/security.md, "Importing files").
  public func importEmail(_ bytes: [UInt8], accountName: String?, now: Date = Date()) throws -> (
    id: Int64, merged: Bool
  ) {
    let account = try accountName.map { try manageableAccount($0, action: "email import --account") }
    guard user.isAdmin || account?.kind == .personal else {
      throw EspoMailError.denied(
        "email import", because: "only admins import mail, other users only into their own personal account",
        hint: "espomail email import FILE --account YOUR-PERSONAL-ACCOUNT")
    }
    return try store.write { tx in
      var importer = try Importer(tx: tx, account: account, now: now)
      importer.extraUserIDs = [user.id]
      importer.importedBy = user.login
      if !user.isAdmin {
        importer.sharesWithRecipients = false
        importer.notifies = false
      }
      switch try importer.importMessage(bytes, key: nil) {
      case .imported(let id, _), .tooLarge(let id, _): return (id, false)
      case .merged(let id, _): return (id, true)
      case .quarantined(_, let reason):
        throw EspoMailError(.dataError, "cannot import the file: \(reason)", hint: "nothing was stored")
      case .skipped(let filter):
        throw EspoMailError(.internalError, "filter \(filter) skipped an imported file")
      case .expunged:
        throw EspoMailError(.internalError, "an imported file was settled as expunged")
      }
    }
  }
}
