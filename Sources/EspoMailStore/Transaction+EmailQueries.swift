import EspoMailCore
import Foundation

/// Which emails a viewer may see, from their role's email.read level (Docs/security.md, "Roles").
public enum EmailVisibility: Sendable {
  /// Every email (admins, level all).
  case all
  /// Emails the viewer has, or that share one of these team ids.
  case team([Int64])
  /// Emails the viewer has.
  case own
  /// None.
  case none

  /// Whether only the viewer's own emails are visible.
  var isOwn: Bool {
    if case .own = self { true } else { false }
  }
}

/// What `email list` asks for.
public struct EmailQuery: Sendable {
  /// The user whose view (folders, read flags) applies.
  public var viewerID: Int64
  /// Which emails the viewer may see at all.
  public var visibility: EmailVisibility
  /// inbox, sent, archive, trash, important, or a personal folder name.
  public var folder: String?
  /// Only emails of this account id.
  public var accountID: Int64?
  /// Only emails linked to this record.
  public var parent: RecordReference?
  /// Only emails filed in this group folder id, live (no status) or with this team status.
  public var groupFolder: (id: Int64, status: GroupFolderStatus?)?
  /// Full-text search.
  public var search: String?
  /// At most this many, newest first.
  public var limit: Int
  /// Only emails after this one in the listing's order (older: date sent, then id), for the next page.
  public var before: Int64?
  /// Only emails before this one in the listing's order (newer), for the previous page.
  public var after: Int64?

  /// Creates a query for a viewer.
  public init(viewerID: Int64, visibility: EmailVisibility, limit: Int = 100) {
    self.viewerID = viewerID
    self.visibility = visibility
    self.limit = limit
  }
}

/// An email with its bodies and threading headers.
public struct EmailDetail: Sendable {
  /// The listing fields.
  public var summary: EmailSummary
  /// Reply-To as written.
  public var replyTo: String?
  /// Plain-text body.
  public var bodyPlain: String?
  /// HTML body.
  public var bodyHTML: String?
  /// In-Reply-To id.
  public var inReplyTo: String?
  /// References ids.
  public var references: String?
  /// SHA-256 of the kept raw message.
  public var rawSHA256: String?
}

extension Transaction {
  /// Emails matching a query, newest first.
  public func emails(_ query: EmailQuery) throws -> [EmailSummary] {
    try emailRows(query).map(summary(from:))
  }

  /// Emails matching a query with their bodies and threading headers, newest first (exports).
  public func emailDetails(_ query: EmailQuery) throws -> [EmailDetail] {
    try emailRows(query).map(detail(from:))
  }

  /// The rows of a listing query, newest first (date sent, then id); a page bounded by a cursor
  /// email (`before`, `after`) continues exactly where the last one stopped.
  private func emailRows(_ query: EmailQuery) throws -> [SQLRow] {
    var conditions: [String] = []
    var arguments: SQLArguments = [query.viewerID]
    Self.restrict(to: query.visibility, &conditions, &arguments)
    if let folder = query.folder {
      let (condition, folderArguments) = Self.folderCondition(folder, viewerID: query.viewerID)
      conditions.append(condition)
      arguments += folderArguments
    }
    // A listing of the viewer's own rows only (level own, or any folder but Sent) sorts by the date
    // and id those rows carry, indexed per user, so that it reads the newest entries of that index
    // instead of every email the viewer has. The order is the same either way.
    let onlyViewerRows = query.visibility.isOwn || (query.folder.map { SpecialFolder(named: $0) != .sent } ?? false)
    let (date, id) = onlyViewerRows ? ("eu.date_sent", "eu.email_id") : ("e.date_sent", "e.id")
    if let accountID = query.accountID {
      conditions.append("e.id IN (SELECT email_id FROM email_mail_account WHERE account_id = ?)")
      arguments.append(accountID)
    }
    if let (folderID, status) = query.groupFolder {
      conditions.append("e.group_folder_id = ? AND e.group_status_folder IS NOT DISTINCT FROM CAST(? AS TEXT)")
      arguments += [folderID, status?.rawValue]
    }
    if let parent = query.parent {
      conditions.append("e.parent_type = ? AND e.parent_id = ?")
      arguments += [parent.type.rawValue, parent.id]
    }
    if let search = query.search, !search.trimmingWhitespace().isEmpty {
      conditions.append(db.engine.search.condition)
      arguments.append(db.engine.search.argument(search))
    }
    if let before = query.before {
      conditions.append("(\(date), \(id)) < (SELECT date_sent, id FROM email WHERE id = ?)")
      arguments.append(before)
    }
    if let after = query.after {
      conditions.append("(\(date), \(id)) > (SELECT date_sent, id FROM email WHERE id = ?)")
      arguments.append(after)
    }
    arguments.append(query.limit)
    // A page after a cursor is the nearest newer emails: taken oldest first, then turned around.
    let order = query.after == nil ? "DESC" : "ASC"
    let sql = """
      SELECT e.*, eu.is_read, eu.in_trash, eu.in_archive, eu.folder_id, eu.user_id AS viewer_row,
        \(Self.fromViewer) AS from_viewer, (SELECT name FROM email_folder WHERE id = eu.folder_id) AS folder_name,
        (SELECT name FROM group_folder WHERE id = e.group_folder_id) AS group_folder_name
      FROM email e LEFT JOIN email_user eu ON eu.email_id = e.id AND eu.user_id = ?1
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY \(date) \(order), \(id) \(order) LIMIT ?
      """
    let rows = try db.rows(sql, arguments)
    return query.after == nil ? rows : rows.reversed()
  }

  /// The condition on `e` and `eu` (the viewer's row, `?1` the viewer) of one of the viewer's
  /// folders: inbox, sent, archive, trash, important, or a personal folder name. The inbox leaves
  /// out mail filed in a group folder shared with one of the viewer's teams: it is worked there.
  private static func folderCondition(_ folder: String, viewerID: Int64) -> (String, SQLArguments) {
    switch SpecialFolder(named: folder) {
    case .inbox?:
      return (
        """
        eu.user_id IS NOT NULL AND eu.in_trash = 0 AND eu.in_archive = 0 AND eu.folder_id IS NULL AND NOT \(fromViewer)
        AND NOT (e.group_folder_id IS NOT NULL AND EXISTS (
          SELECT 1 FROM group_folder_team g JOIN team_member m ON m.team_id = g.team_id
          WHERE g.folder_id = e.group_folder_id AND m.user_id = ?1))
        """, []
      )
    case .sent?: return ("\(fromViewer) AND COALESCE(eu.in_trash, 0) = 0", [])
    case .archive?: return ("eu.in_archive = 1", [])
    case .trash?: return ("eu.in_trash = 1", [])
    case .important?: return ("eu.is_important = 1", [])
    case nil:
      return (
        "eu.in_trash = 0 AND eu.folder_id = (SELECT id FROM email_folder WHERE user_id = ? AND name = ?)", [viewerID, folder]
      )
    }
  }

  /// Marks every unread email of one of a user's folders read, for that user only; returns how
  /// many it marked.
  public func markFolderRead(userID: Int64, folder: String) throws -> Int {
    let (condition, folderArguments) = Self.folderCondition(folder, viewerID: userID)
    var arguments: SQLArguments = [userID]
    arguments += folderArguments
    return try db.execute(
      """
      UPDATE email_user SET is_read = 1 WHERE user_id = ?1 AND is_read = 0 AND email_id IN (
        SELECT e.id FROM email e JOIN email_user eu ON eu.email_id = e.id AND eu.user_id = ?1 WHERE \(condition))
      """, arguments)
  }

  /// How many emails a viewer with this visibility may see (`role preview`).
  public func emailCount(viewerID: Int64, visibility: EmailVisibility) throws -> Int {
    var conditions: [String] = []
    var arguments: SQLArguments = [viewerID]
    Self.restrict(to: visibility, &conditions, &arguments)
    return try db.value(
      Int.self,
      """
      SELECT count(*) FROM email e LEFT JOIN email_user eu ON eu.email_id = e.id AND eu.user_id = ?1
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      """, arguments) ?? 0
  }

  /// Adds the condition of a visibility on `e` (an email) and `eu` (the viewer's row of it).
  private static func restrict(to visibility: EmailVisibility, _ conditions: inout [String], _ arguments: inout SQLArguments) {
    switch visibility {
    case .all: break
    case .own: conditions.append("eu.user_id IS NOT NULL")
    case .none: conditions.append("1 = 0")
    case .team(let teamIDs):
      conditions.append(
        "(eu.user_id IS NOT NULL OR e.id IN (SELECT email_id FROM email_team WHERE team_id IN (\(SQLArguments.placeholders(max(1, teamIDs.count))))))")
      arguments += teamIDs.isEmpty ? [nil] : SQLArguments(teamIDs.map(\.sqlValue))
    }
  }

  /// One email with bodies, seen by a viewer; nil when it does not exist.
  public func emailDetail(id: Int64, viewerID: Int64) throws -> EmailDetail? {
    let sql = """
      SELECT e.*, eu.is_read, eu.in_trash, eu.in_archive, eu.folder_id, eu.user_id AS viewer_row,
        \(Self.fromViewer) AS from_viewer, (SELECT name FROM email_folder WHERE id = eu.folder_id) AS folder_name,
        (SELECT name FROM group_folder WHERE id = e.group_folder_id) AS group_folder_name
      FROM email e LEFT JOIN email_user eu ON eu.email_id = e.id AND eu.user_id = ?1 WHERE e.id = ?2
      """
    guard let row = try db.row(sql, [viewerID, id]) else { return nil }
    return try detail(from: row)
  }

  /// An email row with its bodies and threading headers.
  private func detail(from row: SQLRow) throws -> EmailDetail {
    EmailDetail(
      summary: try summary(from: row), replyTo: row["reply_to_string"], bodyPlain: row["body_plain"],
      bodyHTML: row["body_html"], inReplyTo: row["in_reply_to"], references: row["references_header"],
      rawSHA256: row["raw_sha256"])
  }

  /// Whether the email is one of the user's (a per-user row exists).
  public func userHasEmail(emailID: Int64, userID: Int64) throws -> Bool {
    try db.value(Bool.self, "SELECT EXISTS(SELECT 1 FROM email_user WHERE email_id = ? AND user_id = ?)", [emailID, userID]) ?? false
  }

  private static let fromViewer = """
    EXISTS(SELECT 1 FROM entity_email_address l WHERE l.entity_type = 'user' AND l.entity_id = ?1
           AND l.email_address_id = e.from_address_id)
    """

  private func summary(from row: SQLRow) throws -> EmailSummary {
    let id: Int64 = row["id"]
    let recipients = try db.rows("""
        SELECT r.kind, r.display_name, a.address FROM email_recipient r JOIN email_address a ON a.id = r.email_address_id
        WHERE r.email_id = ? ORDER BY r.kind, r.position
        """, [id])
    func parties(_ kind: String) -> [EmailParty] {
      recipients.filter { ($0["kind"] as String) == kind }.map { EmailParty(name: $0["display_name"], address: $0["address"]) }
    }
    var folder: String?
    if row["viewer_row"] as Int64? != nil {
      if row["in_trash"] as Bool? == true {
        folder = SpecialFolder.trash.rawValue
      } else if row["in_archive"] as Bool? == true {
        folder = SpecialFolder.archive.rawValue
      } else if let name = row["folder_name"] as String? {
        folder = name
      } else {
        folder = (row["from_viewer"] as Bool? == true ? SpecialFolder.sent : .inbox).rawValue
      }
    } else if row["from_viewer"] as Bool? == true {
      folder = SpecialFolder.sent.rawValue
    }
    // A sender whose address could not be read (MAILER-DAEMON, a missing @) has no address row:
    // the From text the email was stored with stands for it.
    let from = parties("from").first ?? (row["from_string"] as String?).map { EmailParty(name: $0, address: "") }
    var summary = EmailSummary(
      id: id, messageID: row["message_id"], subject: row["subject"], from: from, to: parties("to"),
      cc: parties("cc"), date: row["date_sent"],
      parent: row.record(type: "parent_type", id: "parent_id"),
      attachments: try db.rows("SELECT name, content_type, size FROM attachment WHERE email_id = ? AND disposition = 'attachment' ORDER BY id", [id]).map { AttachmentInfo(name: $0["name"], contentType: $0["content_type"], size: $0["size"]) },
      folder: folder, isRead: row["is_read"] as Bool? ?? false,
      accounts: try db.values(String.self, "SELECT a.name FROM email_mail_account m JOIN mail_account a ON a.id = m.account_id WHERE m.email_id = ? ORDER BY a.name", [id]),
      users: try db.values(String.self, "SELECT u.login FROM email_user m JOIN \"user\" u ON u.id = m.user_id WHERE m.email_id = ? ORDER BY u.login", [id]),
      isHeaderOnly: row["is_header_only"])
    summary.status = EmailStatus(rawValue: row["status"]) ?? .archived
    summary.groupFolder = row["group_folder_name"]
    summary.groupFolderStatus = row["group_status_folder"]
    return summary
  }
}
