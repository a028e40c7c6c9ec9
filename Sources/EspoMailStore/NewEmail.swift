import EspoMailCore
import Foundation

/// Everything stored for a new email, prepared by the importer.
public struct NewEmail: Sendable {
  /// Message-ID with angle brackets.
  public var messageID: String
  /// Whether the id was made up (the message had none).
  public var isMessageIDSynthetic: Bool
  /// SHA-256 of the sender's headers (From, Date, Subject, To, Cc), which with the Message-ID
  /// decides whether a later message is the same one (Docs/architecture.md, "Duplicates").
  public var fingerprint: String?
  /// Subject.
  public var subject: String
  /// From, To, CC, BCC and Reply-To.
  public var from: EmailParty?
  /// To recipients.
  public var to: [EmailParty]
  /// CC recipients.
  public var cc: [EmailParty]
  /// BCC recipients.
  public var bcc: [EmailParty]
  /// Reply-To addresses.
  public var replyTo: [EmailParty]
  /// Date sent (ISO 8601, UTC).
  public var dateSent: String
  /// Delivery date, if the header had one.
  public var deliveryDate: String?
  /// Plain-text body.
  public var bodyPlain: String?
  /// HTML body.
  public var bodyHTML: String?
  /// Calendar (ics) content.
  public var calendar: String?
  /// In-Reply-To id.
  public var inReplyTo: String?
  /// References ids, space separated.
  public var references: String?
  /// Whether the message is automatic (Auto-Submitted, X-Autoreply, bulk, bounces): it opens no
  /// case and gets no reply.
  public var isAutoSubmitted: Bool { automaticReason != nil }
  /// Why the message counts as automatic, if it does.
  public var automaticReason: String?
  /// Why a message a person sent gets no automatic reply (list mail, X-Auto-Response-Suppress),
  /// if so; it may still open a case. Decided at its first import only, so not stored.
  public var noReplyReason: String?
  /// Whether only the header was imported.
  public var isHeaderOnly: Bool
  /// Size of the raw message in bytes.
  public var size: Int
  /// SHA-256 of the raw message, once stored.
  public var rawSHA256: String?
  /// Attachments with their bytes.
  public var attachments: [NewAttachment]
  /// Status: archived for fetched mail, sending, sent or failed for outgoing.
  public var status: EmailStatus
  /// The record the email is linked to, decided before it is stored (one write per email).
  public var parent: RecordReference?
  /// The CRM account derived from the parent.
  public var crmAccountID: Int64?
  /// The stored email this one replies to.
  public var repliedEmailID: Int64?
  /// The email's words for the search index, made ahead (the fetch makes them on its parse
  /// threads); nil to have `insertEmail` make them. Make them again after changing the subject,
  /// the plain body or a party.
  public var searchDocument: SearchDocument?

  /// Creates an email with only its identity; fill the rest.
  public init(messageID: String, isMessageIDSynthetic: Bool, subject: String, dateSent: String, size: Int) {
    self.messageID = messageID
    self.isMessageIDSynthetic = isMessageIDSynthetic
    self.subject = subject
    self.dateSent = dateSent
    self.size = size
    to = []
    cc = []
    bcc = []
    replyTo = []
    attachments = []
    isHeaderOnly = false
    status = .archived
  }
}

/// An attachment to store.
public struct NewAttachment: Sendable {
  /// File name.
  public var name: String
  /// MIME type.
  public var contentType: String
  /// Inline (cid) rather than attached.
  public var isInline: Bool
  /// Content-ID without brackets.
  public var contentID: String?
  /// Decoded bytes.
  public var bytes: [UInt8]

  /// Creates an attachment.
  public init(name: String, contentType: String, isInline: Bool, contentID: String?, bytes: [UInt8]) {
    self.name = name
    self.contentType = contentType
    self.isInline = isInline
    self.contentID = contentID
    self.bytes = bytes
  }
}

/// Where one server message ended up.
public enum LedgerOutcome: String, Sendable {
  /// Imported as a new email.
  case imported
  /// Recognised as an email already in the store and merged into it.
  case merged
  /// Skipped by a filter.
  case skipped
  /// Could not be imported; kept in quarantine with its bytes.
  case quarantined
  /// Imported header-only because of the size limit.
  case tooLarge = "too-large"
  /// Expunged on the server between the search and its download: nothing to import.
  case expunged
}

/// Identifies one message on one server folder.
public struct ServerMessageKey: Hashable, Sendable {
  /// Account id.
  public var accountID: Int64
  /// Folder name.
  public var folder: String
  /// UIDVALIDITY.
  public var uidValidity: UInt32
  /// UID.
  public var uid: UInt32

  /// Creates a key.
  public init(accountID: Int64, folder: String, uidValidity: UInt32, uid: UInt32) {
    self.accountID = accountID
    self.folder = folder
    self.uidValidity = uidValidity
    self.uid = uid
  }
}

/// An email stored under a Message-ID: which one, its fingerprint (nil when stored before
/// fingerprints) and its raw message, from which a missing fingerprint is computed.
public struct StoredMessageIdentity: Sendable, Equatable {
  /// The email.
  public var emailID: Int64
  /// SHA-256 of its sender's headers; nil for rows stored before migration 0003.
  public var fingerprint: String?
  /// SHA-256 of its kept raw message, if any.
  public var rawSHA256: String?

  /// Creates an identity.
  public init(emailID: Int64, fingerprint: String?, rawSHA256: String?) {
    self.emailID = emailID
    self.fingerprint = fingerprint
    self.rawSHA256 = rawSHA256
  }
}
