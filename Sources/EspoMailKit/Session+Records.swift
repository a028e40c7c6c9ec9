import EspoMailCore
import EspoMailStore

/// What `crm … add` asks for.
public struct NewRecord: Sendable {
  /// account, contact, lead or opportunity.
  public var type: RecordType
  /// Display name.
  public var name: String
  /// Addresses (not for opportunities), the first one primary.
  public var addresses: [String]
  /// The account a contact or opportunity belongs to.
  public var account: RecordReference?

  /// Creates a request.
  public init(type: RecordType, name: String, addresses: [String], account: RecordReference?) {
    self.type = type
    self.name = name
    self.addresses = addresses
    self.account = account
  }
}

extension Session {
  /// Adds a CRM record, if the acting user's role lets them create that type and read the account
  /// named.
  public func addRecord(_ request: NewRecord) throws -> CRMRecord {
    try requireCreate(request.type.scope)
    try validateName(request.name, of: request.type.noun)
    let addresses = try request.addresses.map(EmailAddress.init)
    if request.type == .opportunity, request.account == nil {
      throw EspoMailError(.usage, "an opportunity needs --account account:ID")
    }
    if let account = request.account, account.type != .account {
      throw EspoMailError.malformed("--account", account.description, accepted: "account:ID")
    }
    return try store.write { tx in
      if let account = request.account {
        guard try tx.recordExists(account) else { throw EspoMailError.notFound("account", account.description) }
        try requireReadable(account, action: "\(request.type.rawValue) add --account \(account)", tx)
      }
      let reference = try tx.insertRecord(
        request.type, name: request.name, account: request.account?.id, createdBy: user.id)
      if let owner = AddressOwner(rawValue: request.type.rawValue) {
        for (index, address) in addresses.enumerated() {
          try tx.attachAddress(address, to: owner, id: reference.id, primary: index == 0)
        }
      }
      return try tx.crmRecord(reference).orNotFound(request.type.noun, reference.description)
    }
  }

  /// The records of a type the acting user may read.
  public func listRecords(_ type: RecordType) throws -> [CRMRecord] {
    guard RecordType.parentTypes.contains(type), type != .case else {
      throw EspoMailError.malformed("record type", type.rawValue, accepted: "account|contact|lead|opportunity")
    }
    let level = level(type.scope, .read)
    guard level != .no else { return [] }
    return try store.read { tx in
      let teammates = try teammateIDs(tx)
      return try tx.records(type).filter { mayRead($0, level: level, teammates: teammates) }
    }
  }

  /// One CRM record, if the acting user may read it.
  public func showRecord(_ reference: RecordReference) throws -> CRMRecord {
    try store.read { tx in
      let record = try tx.crmRecord(reference).orNotFound(reference.type.noun, reference.description)
      let level = level(reference.type.scope, .read)
      guard mayRead(record, level: level, teammates: try teammateIDs(tx)) else {
        throw EspoMailError.denied(
          "read \(reference)", because: "the role level for \(reference.type.scope.rawValue).read is \(level.rawValue)")
      }
      return record
    }
  }

  /// Makes a user (default: the acting one) follow or unfollow a record the acting user may read
  /// (its followers are shown). Following for someone else is for admins.
  public func follow(_ reference: RecordReference, login: String?, following: Bool) throws -> CRMFollowResult {
    let verb = following ? "follow" : "unfollow"
    if let login, login.lowercased() != user.login.lowercased() {
      try requireAdmin("\(verb) --user \(login)")
    }
    guard RecordType.parentTypes.contains(reference.type) else {
      throw EspoMailError.malformed("record reference", reference.description, accepted: "account|contact|lead|opportunity|case:ID")
    }
    return try store.write { tx in
      let targetLogin = login ?? user.login
      let targetID = try tx.userID(login: targetLogin).orNotFound("user", targetLogin)
      guard try tx.recordExists(reference) else { throw EspoMailError.notFound(reference.type.noun, reference.description) }
      try requireReadable(reference, action: "\(verb) \(reference)", tx)
      let changed = following ? try tx.follow(userID: targetID, reference) : try tx.unfollow(userID: targetID, reference)
      return CRMFollowResult(
        record: reference, user: targetLogin, following: following, changed: changed,
        followers: try tx.followers(of: reference))
    }
  }

  /// Ids of users who share a team with the acting user, the user included.
  func teammateIDs(_ tx: Transaction) throws -> Set<Int64> {
    try Self.teammateIDs(of: user, tx)
  }

  /// Ids of users who share a team with `user`, the user included.
  static func teammateIDs(of user: User, _ tx: Transaction) throws -> Set<Int64> {
    var ids: Set<Int64> = [user.id]
    for teamName in user.teams {
      guard let team = try tx.team(name: teamName) else { continue }
      for member in team.members {
        if let id = try tx.userID(login: member.login) { ids.insert(id) }
      }
    }
    return ids
  }

  /// Whether a CRM record is within a read level for the acting user (the rule: `RecordAccess`).
  func mayRead(_ record: CRMRecord, level: AccessLevel, teammates: Set<Int64>) -> Bool {
    RecordAccess.covers(record, level: level, user: user, teammates: teammates)
  }

  /// Throws unless the record (a case or a CRM record) exists and the acting user may read it.
  func requireReadable(_ reference: RecordReference, action: String, _ tx: Transaction) throws {
    if reference.type == .case {
      let found = try tx.caseRecord(number: reference.id).orNotFound("case", "#\(reference.id)")
      guard mayAccess(found, level: level(.case, .read)) else {
        throw EspoMailError.denied(action, because: "you may not read case #\(reference.id) (case.read=\(level(.case, .read).rawValue))")
      }
      return
    }
    let record = try tx.crmRecord(reference).orNotFound(reference.type.noun, reference.description)
    let level = level(reference.type.scope, .read)
    guard mayRead(record, level: level, teammates: try teammateIDs(tx)) else {
      throw EspoMailError.denied(
        action, because: "you may not read \(reference) (\(reference.type.scope.rawValue).read=\(level.rawValue))")
    }
  }
}

/// What `follow` / `unfollow` did.
public struct CRMFollowResult: Sendable {
  /// The record.
  public var record: RecordReference
  /// Whose following changed.
  public var user: String
  /// Whether the user now follows the record.
  public var following: Bool
  /// False when nothing changed (already following, or not following).
  public var changed: Bool
  /// The record's followers afterwards.
  public var followers: [String]
}
