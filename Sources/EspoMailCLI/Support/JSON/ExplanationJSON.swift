import EspoMailCore
import EspoMailKit

/// What `explain` prints: an email's parent, every decision of its import, and who was notified.
struct ExplanationJSON: JSONOutput {
  /// The explanation shown.
  let explanation: EmailExplanation

  /// Wraps an explanation.
  init(_ explanation: EmailExplanation) { self.explanation = explanation }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case subject = "subject"
    case parent = "parent"
    case decisions = "decisions"
    case notified = "notified"
  }

  /// Writes every key, no parent as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(explanation.id, forKey: .id)
    try json.encode(explanation.subject, forKey: .subject)
    try json.encodeOrNull(explanation.parent?.description, forKey: .parent)
    try json.encode(explanation.decisions.map(DecisionJSON.init), forKey: .decisions)
    try json.encode(explanation.notified.map(NotifiedUserJSON.init), forKey: .notified)
  }
}

/// One line of an email's decision trace, inside `ExplanationJSON`.
struct DecisionJSON: JSONOutput {
  /// The decision shown.
  let decision: Decision

  /// Wraps a decision.
  init(_ decision: Decision) { self.decision = decision }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case step = "step"
    case outcome = "outcome"
    case detail = "detail"
    case createdAt = "createdAt"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(decision.step, forKey: .step)
    try json.encode(decision.outcome, forKey: .outcome)
    try json.encode(decision.detail, forKey: .detail)
    try json.encode(decision.createdAt, forKey: .createdAt)
  }
}

/// One notification made about an email, inside `ExplanationJSON`.
struct NotifiedUserJSON: JSONOutput {
  /// The notification shown.
  let notified: NotifiedUser

  /// Wraps a notification.
  init(_ notified: NotifiedUser) { self.notified = notified }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case login = "login"
    case kind = "kind"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(notified.login, forKey: .login)
    try json.encode(notified.kind, forKey: .kind)
  }
}

/// What `email link` prints: the email, its new parent and the replies that followed it.
struct LinkResultJSON: JSONOutput {
  /// The result shown.
  let result: LinkResult

  /// Wraps a result.
  init(_ result: LinkResult) { self.result = result }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case email = "email"
    case parent = "parent"
    case followed = "followed"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(result.email, forKey: .email)
    try json.encode(result.parent.description, forKey: .parent)
    try json.encode(result.followed, forKey: .followed)
  }
}

/// What `explain --who` prints: the email and every user who may read it, with the rule.
struct EmailReadersJSON: JSONOutput {
  /// The email.
  let emailID: Int64
  /// Its readers.
  let readers: [EmailReader]

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case readers = "readers"
  }

  /// One reader's keys.
  private enum ReaderKeys: String, CodingKey {
    case login = "login"
    case name = "name"
    case rule = "rule"
    case hasEmail = "hasEmail"
    case sharedTeams = "sharedTeams"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(emailID, forKey: .id)
    var list = json.nestedUnkeyedContainer(forKey: .readers)
    for reader in readers {
      var entry = list.nestedContainer(keyedBy: ReaderKeys.self)
      try entry.encode(reader.login, forKey: .login)
      try entry.encode(reader.name, forKey: .name)
      try entry.encode(reader.rule, forKey: .rule)
      try entry.encode(reader.hasEmail, forKey: .hasEmail)
      try entry.encode(reader.sharedTeams, forKey: .sharedTeams)
    }
  }
}
