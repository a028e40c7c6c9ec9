import EspoMailCore
import EspoMailKit

/// A CRM record as `crm list|show` and `crm TYPE add` print it.
struct RecordJSON: JSONOutput {
  /// The record shown.
  let record: CRMRecord

  /// Wraps a record.
  init(_ record: CRMRecord) { self.record = record }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case record = "record"
    case type = "type"
    case id = "id"
    case name = "name"
    case addresses = "addresses"
    case account = "account"
    case followers = "followers"
    case createdAt = "createdAt"
    case convertedTo = "convertedTo"
  }

  /// Writes every key (`record` as `TYPE:ID`), no account as null; `convertedTo` is null but for
  /// a converted lead.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(record.reference.description, forKey: .record)
    try json.encode(record.reference.type.rawValue, forKey: .type)
    try json.encode(record.reference.id, forKey: .id)
    try json.encode(record.name, forKey: .name)
    try json.encode(record.addresses, forKey: .addresses)
    try json.encodeOrNull(record.account?.description, forKey: .account)
    try json.encode(record.followers, forKey: .followers)
    try json.encode(record.createdAt, forKey: .createdAt)
    try json.encodeOrNull(record.conversion.map(LeadConversionJSON.init), forKey: .convertedTo)
  }
}

/// What a lead was converted to, the `convertedTo` object of `RecordJSON`.
struct LeadConversionJSON: JSONOutput {
  /// The conversion shown.
  let conversion: LeadConversion

  /// Wraps a conversion.
  init(_ conversion: LeadConversion) { self.conversion = conversion }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case account = "account"
    case contact = "contact"
    case opportunity = "opportunity"
    case convertedAt = "convertedAt"
  }

  /// Writes every key, a missing record as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encodeOrNull(conversion.account?.description, forKey: .account)
    try json.encodeOrNull(conversion.contact?.description, forKey: .contact)
    try json.encodeOrNull(conversion.opportunity?.description, forKey: .opportunity)
    try json.encode(conversion.convertedAt, forKey: .convertedAt)
  }
}

/// What `follow` and `unfollow` print: whose following of which record changed, and its followers.
struct FollowJSON: JSONOutput {
  /// The result shown.
  let result: CRMFollowResult

  /// Wraps a result.
  init(_ result: CRMFollowResult) { self.result = result }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case record = "record"
    case user = "user"
    case following = "following"
    case changed = "changed"
    case followers = "followers"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(result.record.description, forKey: .record)
    try json.encode(result.user, forKey: .user)
    try json.encode(result.following, forKey: .following)
    try json.encode(result.changed, forKey: .changed)
    try json.encode(result.followers, forKey: .followers)
  }
}
