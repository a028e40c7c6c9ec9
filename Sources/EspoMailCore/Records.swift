/// A CRM record: account, contact, lead or opportunity.
public struct CRMRecord: Equatable, Sendable {
  /// Which record.
  public var reference: RecordReference
  /// Display name.
  public var name: String
  /// Email addresses, the primary one first.
  public var addresses: [String]
  /// For contacts and opportunities: the account they belong to.
  public var account: RecordReference?
  /// The account's name, when there is one.
  public var accountName: String?
  /// Logins of the users who follow the record.
  public var followers: [String]
  /// When it was created (ISO 8601).
  public var createdAt: String
  /// Store id of the user who created it, for access checks.
  public var createdByUserID: Int64?
  /// For a converted lead: what it was converted to.
  public var conversion: LeadConversion?

  /// Creates a record value.
  public init(
    reference: RecordReference, name: String, addresses: [String], account: RecordReference?,
    accountName: String?, followers: [String], createdAt: String, createdByUserID: Int64? = nil
  ) {
    self.createdByUserID = createdByUserID
    self.reference = reference
    self.name = name
    self.addresses = addresses
    self.account = account
    self.accountName = accountName
    self.followers = followers
    self.createdAt = createdAt
  }
}

/// What a lead was converted to (EspoCRM's convert action): its mail links to the account, or
/// the contact in B2C mode (Docs/email-to-case.md, "Converted leads").
public struct LeadConversion: Equatable, Sendable {
  /// The account it became, if any.
  public var account: RecordReference?
  /// The contact it became, if any.
  public var contact: RecordReference?
  /// The opportunity it became, if any.
  public var opportunity: RecordReference?
  /// When it was converted (ISO 8601).
  public var convertedAt: String

  /// Creates a conversion.
  public init(account: RecordReference?, contact: RecordReference?, opportunity: RecordReference?, convertedAt: String) {
    self.account = account
    self.contact = contact
    self.opportunity = opportunity
    self.convertedAt = convertedAt
  }
}

/// Where a case stands.
public enum CaseStatus: String, CaseIterable, Codable, Sendable {
  /// Not yet assigned.
  case new
  /// Someone owns it.
  case assigned
  /// Waiting for someone.
  case pending
  /// Done.
  case closed
  /// Refused.
  case rejected
  /// A copy of another case.
  case duplicate

  /// Whether the case still needs work (not Closed, Rejected or Duplicate).
  public var isOpen: Bool { ![.closed, .rejected, .duplicate].contains(self) }

  /// The name as EspoCRM shows it ("New", "Assigned", …).
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A support case.
public struct CaseRecord: Equatable, Sendable {
  /// The case number, also its id.
  public var number: Int64
  /// Subject line.
  public var name: String
  /// Status.
  public var status: CaseStatus
  /// Login of the assigned user.
  public var assignedUser: String?
  /// The CRM account, if any.
  public var account: RecordReference?
  /// The contact, if any.
  public var contact: RecordReference?
  /// The lead, if any (when there is no account).
  public var lead: RecordReference?
  /// Teams the case belongs to.
  public var teams: [String]
  /// The group email account the case came through.
  public var groupAccount: String?
  /// How many emails are linked to the case.
  public var emailCount: Int
  /// Free text.
  public var description: String?
  /// Login of the user who created it (nil when mail opened it).
  public var createdBy: String?
  /// When it was created (ISO 8601).
  public var createdAt: String

  /// Creates a case value.
  public init(
    number: Int64, name: String, status: CaseStatus, assignedUser: String?, account: RecordReference?,
    contact: RecordReference?, lead: RecordReference?, teams: [String], groupAccount: String?,
    emailCount: Int, description: String?, createdBy: String? = nil, createdAt: String
  ) {
    self.createdBy = createdBy
    self.number = number
    self.name = name
    self.status = status
    self.assignedUser = assignedUser
    self.account = account
    self.contact = contact
    self.lead = lead
    self.teams = teams
    self.groupAccount = groupAccount
    self.emailCount = emailCount
    self.description = description
    self.createdAt = createdAt
  }
}
