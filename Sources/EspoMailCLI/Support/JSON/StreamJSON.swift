import EspoMailCore

/// A stream note as `stream show` and `case show` print it.
struct StreamNoteJSON: JSONOutput {
  /// The note shown.
  let note: StreamNote

  /// Wraps a note.
  init(_ note: StreamNote) { self.note = note }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case record = "record"
    case kind = "kind"
    case emailID = "emailID"
    case subject = "subject"
    case from = "from"
    case isInitial = "isInitial"
    case createdAt = "createdAt"
  }

  /// Writes every key (the record as `TYPE:ID`), missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(note.id, forKey: .id)
    try json.encode(note.record.description, forKey: .record)
    try json.encode(note.kind, forKey: .kind)
    try json.encodeOrNull(note.emailID, forKey: .emailID)
    try json.encodeOrNull(note.subject, forKey: .subject)
    try json.encodeOrNull(note.from, forKey: .from)
    try json.encode(note.isInitial, forKey: .isInitial)
    try json.encode(note.createdAt, forKey: .createdAt)
  }
}

/// A notification as `notification list` prints it.
struct NotificationJSON: JSONOutput {
  /// The notification shown.
  let notification: UserNotification

  /// Wraps a notification.
  init(_ notification: UserNotification) { self.notification = notification }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case kind = "kind"
    case emailID = "emailID"
    case record = "record"
    case message = "message"
    case isRead = "isRead"
    case createdAt = "createdAt"
  }

  /// Writes every key (the record as `TYPE:ID`), missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(notification.id, forKey: .id)
    try json.encode(notification.kind, forKey: .kind)
    try json.encodeOrNull(notification.emailID, forKey: .emailID)
    try json.encodeOrNull(notification.record?.description, forKey: .record)
    try json.encode(notification.message, forKey: .message)
    try json.encode(notification.isRead, forKey: .isRead)
    try json.encode(notification.createdAt, forKey: .createdAt)
  }
}

/// What `notification read` prints: how many notifications it marked read.
struct MarkedNotificationsJSON: JSONOutput {
  /// How many were marked.
  let marked: Int

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case marked = "marked"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(marked, forKey: .marked)
  }
}

/// What `notification preferences` prints: whose preferences, and what they get by email.
struct NotificationPreferencesJSON: JSONOutput {
  /// The user's login.
  let login: String
  /// The topics they get by email, in their fixed order.
  let email: [NotificationTopic]

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case login = "login"
    case email = "email"
  }

  /// Writes every key (topics as their words).
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(login, forKey: .login)
    try json.encode(email.map(\.rawValue), forKey: .email)
  }
}
