import EspoMailCore
import EspoMailMIME
import EspoMailStore
import Foundation

extension Session {
  /// An email's attachments and inline parts with their bytes, for a user who may read it: decoded
  /// from the kept raw message, or for mail composed here from the stored parts.
  public func attachments(ofEmail id: Int64) throws -> [(attachment: EmailAttachment, bytes: [UInt8])] {
    let (raw, stored) = try store.read { tx -> ([UInt8]?, [NewAttachment]) in
      if let sha = try readableEmail(id, tx).rawSHA256, let raw = try tx.rawMessage(sha256: sha) { return (raw, []) }
      return (nil, try tx.storedAttachments(emailID: id))
    }
    let parts: [(String, String, Bool, String?, [UInt8])]
    if let raw {
      parts = try MessageParser.parse(raw).attachments.map { ($0.filename, $0.contentType, $0.isInline, $0.contentID, $0.data) }
    } else {
      parts = stored.map { ($0.name, $0.contentType, $0.isInline, $0.contentID, $0.bytes) }
    }
    return parts.enumerated().map { index, part in
      (
        EmailAttachment(
          number: index + 1, name: part.0, contentType: part.1, size: part.4.count, isInline: part.2, contentId: part.3),
        part.4
      )
    }
  }
}
