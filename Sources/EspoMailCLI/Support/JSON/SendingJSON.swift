import EspoMailCore
import EspoMailKit

/// What `send` prints: the stored email, its Message-ID, the account that sent it, and more.
struct SendResultJSON: JSONOutput {
  /// The result shown.
  let result: SendResult

  /// Wraps a result.
  init(_ result: SendResult) { self.result = result }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case emailID = "emailID"
    case messageId = "messageId"
    case account = "account"
    case parent = "parent"
    case replyTo = "replyTo"
    case savedToSentFolder = "savedToSentFolder"
    case sentFolderError = "sentFolderError"
  }

  /// Writes every key (the parent as `TYPE:ID`), missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(result.emailID, forKey: .emailID)
    try json.encode(result.messageId, forKey: .messageId)
    try json.encode(result.account, forKey: .account)
    try json.encodeOrNull(result.parent?.description, forKey: .parent)
    try json.encodeOrNull(result.replyTo, forKey: .replyTo)
    try json.encode(result.savedToSentFolder, forKey: .savedToSentFolder)
    try json.encodeOrNull(result.sentFolderError, forKey: .sentFolderError)
  }
}

/// A message in the outbox as `outbox list|retry` print it.
struct OutboxMessageJSON: JSONOutput {
  /// The message shown.
  let message: OutboxMessage

  /// Wraps a message.
  init(_ message: OutboxMessage) { self.message = message }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case kind = "kind"
    case account = "account"
    case emailID = "emailID"
    case from = "from"
    case recipients = "recipients"
    case status = "status"
    case attempts = "attempts"
    case lastError = "lastError"
    case createdAt = "createdAt"
    case sentAt = "sentAt"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(message.id, forKey: .id)
    try json.encode(message.kind.rawValue, forKey: .kind)
    try json.encodeOrNull(message.account, forKey: .account)
    try json.encodeOrNull(message.emailID, forKey: .emailID)
    try json.encode(message.from, forKey: .from)
    try json.encode(message.recipients, forKey: .recipients)
    try json.encode(message.status.rawValue, forKey: .status)
    try json.encode(message.attempts, forKey: .attempts)
    try json.encodeOrNull(message.lastError, forKey: .lastError)
    try json.encode(message.createdAt, forKey: .createdAt)
    try json.encodeOrNull(message.sentAt, forKey: .sentAt)
  }
}

/// The system sender as `outbound show|set-default` print it; all null when none is set.
struct OutboundJSON: JSONOutput {
  /// The status shown.
  let status: OutboundStatus

  /// Wraps a status.
  init(_ status: OutboundStatus) { self.status = status }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case account = "account"
    case address = "address"
    case server = "server"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encodeOrNull(status.account, forKey: .account)
    try json.encodeOrNull(status.address, forKey: .address)
    try json.encodeOrNull(status.server, forKey: .server)
  }
}

/// A template as `template add|list` print it.
struct TemplateJSON: JSONOutput {
  /// The template shown.
  let template: Template

  /// Wraps a template.
  init(_ template: Template) { self.template = template }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case name = "name"
    case subject = "subject"
    case body = "body"
    case isHTML = "isHTML"
    case attachments = "attachments"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(template.id, forKey: .id)
    try json.encode(template.name, forKey: .name)
    try json.encode(template.subject, forKey: .subject)
    try json.encode(template.body, forKey: .body)
    try json.encode(template.isHTML, forKey: .isHTML)
    try json.encode(template.attachments.map(AttachmentInfoJSON.init), forKey: .attachments)
  }
}

/// A send request as `send` (for an agent) and `outbox requests` print it.
struct QueuedSendJSON: JSONOutput {
  /// The request shown.
  let request: QueuedSend

  /// Wraps a request.
  init(_ request: QueuedSend) { self.request = request }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case request = "request"
    case requestedBy = "requestedBy"
    case from = "from"
    case to = "to"
    case cc = "cc"
    case bcc = "bcc"
    case subject = "subject"
    case status = "status"
    case error = "error"
    case emailID = "emailID"
    case createdAt = "createdAt"
    case finishedAt = "finishedAt"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(request.id, forKey: .request)
    try json.encode(request.requestedBy, forKey: .requestedBy)
    try json.encode(request.from, forKey: .from)
    try json.encode(request.to, forKey: .to)
    try json.encode(request.cc, forKey: .cc)
    try json.encode(request.bcc, forKey: .bcc)
    try json.encode(request.subject, forKey: .subject)
    try json.encode(request.status.rawValue, forKey: .status)
    try json.encodeOrNull(request.error, forKey: .error)
    try json.encodeOrNull(request.emailID, forKey: .emailID)
    try json.encode(request.createdAt, forKey: .createdAt)
    try json.encodeOrNull(request.finishedAt, forKey: .finishedAt)
  }
}
