/// An address on an email, with the display name it was written with.
public struct EmailParty: Equatable, Sendable {
  /// Display name, if any.
  public var name: String?
  /// The address.
  public var address: String

  /// Creates a party.
  public init(name: String?, address: String) {
    self.name = name
    self.address = address
  }

  /// `Name <address>`, the bare address, or the name alone for a sender whose address could not
  /// be read (such as `MAILER-DAEMON`).
  public var formatted: String {
    guard !address.isEmpty else { return name ?? "" }
    return name.map { "\($0) <\(address)>" } ?? address
  }
}

/// One attachment's description.
public struct AttachmentInfo: Equatable, Sendable {
  /// File name.
  public var name: String
  /// MIME type.
  public var contentType: String
  /// Size in bytes.
  public var size: Int

  /// Creates a description.
  public init(name: String, contentType: String, size: Int) {
    self.name = name
    self.contentType = contentType
    self.size = size
  }
}

/// The built-in views of a user's mail, beside their own folders; the raw values are the names
/// `email list --folder` takes and listings show.
public enum SpecialFolder: String, CaseIterable, Sendable {
  /// Received mail not filed, archived or trashed.
  case inbox
  /// Mail the user sent.
  case sent
  /// Archived mail.
  case archive
  /// Trashed mail.
  case trash
  /// Mail marked important (a view across the others).
  case important

  /// The view a name means, any case; nil for a user's own folder.
  public init?(named name: String) { self.init(rawValue: name.lowercased()) }
}

/// Where an email stands; the raw values are the store's and the JSON's `status`.
public enum EmailStatus: String, CaseIterable, Codable, Sendable {
  /// Fetched or imported mail.
  case archived
  /// Outgoing mail claimed for sending; after a crash its fate is unknown.
  case sending
  /// Outgoing mail the SMTP server accepted.
  case sent
  /// Outgoing mail the server refused or could not take.
  case failed
  /// Not sent yet.
  case draft
}

/// An imported or sent email as listings show it.
public struct EmailSummary: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Message-ID with angle brackets (synthetic when the message had none).
  public var messageID: String
  /// Subject.
  public var subject: String
  /// Sender.
  public var from: EmailParty?
  /// Recipients.
  public var to: [EmailParty]
  /// Copy recipients.
  public var cc: [EmailParty]
  /// Date sent (ISO 8601, UTC).
  public var date: String
  /// The linked record, if any.
  public var parent: RecordReference?
  /// Attachments.
  public var attachments: [AttachmentInfo]
  /// The acting user's folder view: inbox, sent, archive, trash or a folder name; nil when not theirs.
  public var folder: String?
  /// Whether the acting user has read it.
  public var isRead: Bool
  /// Names of the accounts that fetched or sent it.
  public var accounts: [String]
  /// Logins of the users who have it.
  public var users: [String]
  /// Whether only the header was imported (over the size limit).
  public var isHeaderOnly: Bool
  /// archived (fetched), sending, sent or failed (outgoing), draft.
  public var status: EmailStatus = .archived
  /// The group folder it is filed in, shared by that folder's teams; nil when none.
  public var groupFolder: String?
  /// archive or trash when the group folder's teams archived or trashed it; nil when live.
  public var groupFolderStatus: String?

  /// Creates a summary.
  public init(
    id: Int64, messageID: String, subject: String, from: EmailParty?, to: [EmailParty], cc: [EmailParty],
    date: String, parent: RecordReference?, attachments: [AttachmentInfo], folder: String?, isRead: Bool,
    accounts: [String], users: [String], isHeaderOnly: Bool
  ) {
    self.id = id
    self.messageID = messageID
    self.subject = subject
    self.from = from
    self.to = to
    self.cc = cc
    self.date = date
    self.parent = parent
    self.attachments = attachments
    self.folder = folder
    self.isRead = isRead
    self.accounts = accounts
    self.users = users
    self.isHeaderOnly = isHeaderOnly
  }
}
