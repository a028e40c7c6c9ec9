import EspoMailCore
import EspoMailStore

/// An email as `email list|show|export` and the email state commands print it: the listing keys,
/// and with `detail` (showing or exporting one) the threading headers and bodies too.
struct EmailJSON: JSONOutput {
  /// The listing fields.
  let summary: EmailSummary
  /// The full email, when showing or exporting one.
  var detail: EmailDetail? = nil

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case messageId = "messageId"
    case subject = "subject"
    case from = "from"
    case to = "to"
    case cc = "cc"
    case date = "date"
    case parent = "parent"
    case attachmentCount = "attachmentCount"
    case attachments = "attachments"
    case folder = "folder"
    case isRead = "isRead"
    case accounts = "accounts"
    case users = "users"
    case isHeaderOnly = "isHeaderOnly"
    case status = "status"
    case groupFolder = "groupFolder"
    case groupFolderStatus = "groupFolderStatus"
    case replyTo = "replyTo"
    case inReplyTo = "inReplyTo"
    case references = "references"
    case bodyPlain = "bodyPlain"
    case bodyHtml = "bodyHtml"
  }

  /// Writes the listing keys, and the detail keys when showing one email; missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(summary.id, forKey: .id)
    try json.encode(summary.messageID, forKey: .messageId)
    try json.encode(summary.subject, forKey: .subject)
    try json.encodeOrNull(summary.from?.formatted, forKey: .from)
    try json.encode(summary.to.map(\.formatted), forKey: .to)
    try json.encode(summary.cc.map(\.formatted), forKey: .cc)
    try json.encode(summary.date, forKey: .date)
    try json.encodeOrNull(summary.parent?.description, forKey: .parent)
    try json.encode(summary.attachments.count, forKey: .attachmentCount)
    try json.encode(summary.attachments.map(AttachmentInfoJSON.init), forKey: .attachments)
    try json.encodeOrNull(summary.folder, forKey: .folder)
    try json.encode(summary.isRead, forKey: .isRead)
    try json.encode(summary.accounts, forKey: .accounts)
    try json.encode(summary.users, forKey: .users)
    try json.encode(summary.isHeaderOnly, forKey: .isHeaderOnly)
    try json.encode(summary.status.rawValue, forKey: .status)
    try json.encodeOrNull(summary.groupFolder, forKey: .groupFolder)
    try json.encodeOrNull(summary.groupFolderStatus, forKey: .groupFolderStatus)
    if let detail {
      try json.encodeOrNull(detail.replyTo, forKey: .replyTo)
      try json.encodeOrNull(detail.inReplyTo, forKey: .inReplyTo)
      try json.encodeOrNull(detail.references, forKey: .references)
      try json.encodeOrNull(detail.bodyPlain, forKey: .bodyPlain)
      try json.encodeOrNull(detail.bodyHTML, forKey: .bodyHtml)
    }
  }
}

/// One attachment in an email's `attachments` list.
struct AttachmentInfoJSON: JSONOutput {
  /// The attachment shown.
  let attachment: AttachmentInfo

  /// Wraps an attachment.
  init(_ attachment: AttachmentInfo) { self.attachment = attachment }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case name = "name"
    case contentType = "contentType"
    case size = "size"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(attachment.name, forKey: .name)
    try json.encode(attachment.contentType, forKey: .contentType)
    try json.encode(attachment.size, forKey: .size)
  }
}

/// One numbered part as `email attachment` lists it (or describes the one it wrote out).
struct EmailAttachmentJSON: JSONOutput {
  /// The part shown.
  let attachment: EmailAttachment

  /// Wraps a part.
  init(_ attachment: EmailAttachment) { self.attachment = attachment }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case number = "number"
    case name = "name"
    case contentType = "contentType"
    case size = "size"
    case isInline = "isInline"
    case contentId = "contentId"
  }

  /// Writes every key, a missing Content-ID as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(attachment.number, forKey: .number)
    try json.encode(attachment.name, forKey: .name)
    try json.encode(attachment.contentType, forKey: .contentType)
    try json.encode(attachment.size, forKey: .size)
    try json.encode(attachment.isInline, forKey: .isInline)
    try json.encodeOrNull(attachment.contentId, forKey: .contentId)
  }
}

/// What `email import` prints: the email's id, and `merged`, a number (1 or 0) rather than a
/// boolean as it has always been, for the scripts that compare it with 1.
struct ImportJSON: JSONOutput {
  /// The `merged` values.
  enum Merged: Int {
    /// The file became a new email.
    case newEmail = 0
    /// The file was a message already stored, merged into that email.
    case merged = 1
  }

  /// The email the file became or was merged into.
  let id: Int64
  /// Whether it was merged.
  let merged: Merged

  /// What an import did.
  init(id: Int64, merged: Bool) {
    self.id = id
    self.merged = merged ? .merged : .newEmail
  }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case merged = "merged"
  }

  /// Writes every key, `merged` as 1 or 0.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(id, forKey: .id)
    try json.encode(merged.rawValue, forKey: .merged)
  }
}

/// What `email read --folder` prints: the folder and how many of its emails it marked read.
struct MarkedFolderJSON: JSONOutput {
  /// The folder as given.
  let folder: String
  /// How many emails were marked.
  let marked: Int

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case folder = "folder"
    case marked = "marked"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(folder, forKey: .folder)
    try json.encode(marked, forKey: .marked)
  }
}
