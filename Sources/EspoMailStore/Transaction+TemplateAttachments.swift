import EspoMailCore
import Foundation

extension Transaction {
  /// Replaces a template's attachments with these (kept in `attachment` with their bytes, like
  /// the attachments of mail composed here).
  public func setTemplateAttachments(templateID: Int64, _ attachments: [NewAttachment]) throws {
    try db.execute("DELETE FROM attachment WHERE template_id = ?", [templateID])
    for attachment in attachments {
      try db.execute(
        "INSERT INTO attachment(template_id, name, content_type, size, bytes) VALUES (?, ?, ?, ?, ?)",
        [templateID, attachment.name, attachment.contentType, attachment.bytes.count, Data(attachment.bytes)])
    }
  }

  /// A template's attachments with their bytes, in the order they were given.
  public func templateAttachments(templateID: Int64) throws -> [NewAttachment] {
    try db.rows("SELECT name, content_type, bytes FROM attachment WHERE template_id = ? ORDER BY id", [templateID]).map {
      let bytes: Data = $0["bytes"]
      return NewAttachment(name: $0["name"], contentType: $0["content_type"], isInline: false, contentID: nil, bytes: [UInt8](bytes))
    }
  }

  /// The names and sizes of a template's attachments, in order.
  public func templateAttachmentInfo(templateID: Int64) throws -> [AttachmentInfo] {
    try db.rows("SELECT name, content_type, size FROM attachment WHERE template_id = ? ORDER BY id", [templateID]).map {
      AttachmentInfo(name: $0["name"], contentType: $0["content_type"], size: $0["size"])
    }
  }
}
