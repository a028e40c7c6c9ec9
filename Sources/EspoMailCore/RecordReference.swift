/// The kinds of record that can be named `TYPE:ID` on the command line.
public enum RecordType: String, CaseIterable, Codable, Sendable {
  /// A company (CRM account).
  case account
  /// A person at a company.
  case contact
  /// A prospective customer.
  case lead
  /// A potential deal with an account.
  case opportunity
  /// A support case.
  case `case`
  /// An email.
  case email

  /// The access-control scope the type falls under.
  public var scope: Scope {
    switch self {
    case .account: .account
    case .contact: .contact
    case .lead: .lead
    case .opportunity: .opportunity
    case .case: .case
    case .email: .email
    }
  }

  /// The word used in messages ("contact", "case", …).
  public var noun: String { rawValue }

  /// Types that can be the parent of an email.
  public static let parentTypes: [RecordType] = [.account, .contact, .lead, .opportunity, .case]
}

/// A reference to one record: `contact:12`, `case:17` or `#17`.
public struct RecordReference: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The record's type.
  public let type: RecordType
  /// The record's id (for cases, the case number).
  public let id: Int64

  /// Creates a reference from its parts.
  public init(_ type: RecordType, _ id: Int64) {
    self.type = type
    self.id = id
  }

  /// The forms accepted by `init(parsing:)`.
  public static let acceptedForms =
    "TYPE:ID with TYPE one of \(RecordType.allCases.map(\.rawValue).joined(separator: "|")), or #N for case N"

  /// Parses `TYPE:ID` or `#N`; throws a usage error listing the accepted forms.
  public init(parsing text: String) throws {
    if text.hasPrefix("#"), let number = Int64(text.dropFirst()), number > 0 {
      self.init(.case, number)
      return
    }
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2, let type = RecordType(rawValue: parts[0].lowercased()),
      let id = Int64(parts[1]), id > 0
    else { throw EspoMailError.malformed("record reference", text, accepted: Self.acceptedForms) }
    self.init(type, id)
  }

  /// `TYPE:ID`.
  public var description: String { "\(type.rawValue):\(id)" }

  /// Decodes from `TYPE:ID`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    try self.init(parsing: text)
  }

  /// Encodes as `TYPE:ID`, the form scripts pass back on the command line.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
