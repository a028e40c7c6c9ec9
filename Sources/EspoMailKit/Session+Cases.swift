import EspoMailCore
import EspoMailStore

/// What `case create` asks for.
public struct NewCase: Sendable {
  /// Subject.
  public var name: String
  /// The CRM account, if any.
  public var account: RecordReference?
  /// The contact, if any.
  public var contact: RecordReference?
  /// A description.
  public var description: String?

  /// Creates a request.
  public init(name: String, account: RecordReference?, contact: RecordReference?, description: String?) {
    self.name = name
    self.account = account
    self.contact = contact
    self.description = description
  }
}

/// What `case list` filters on, by name.
public struct CaseFilter: Sendable {
  /// Only this status.
  public var status: CaseStatus?
  /// Only cases assigned to this login.
  public var assigned: String?
  /// Only cases that came through this mail account.
  public var account: String?

  /// Creates a filter; nil fields do not filter.
  public init(status: CaseStatus? = nil, assigned: String? = nil, account: String? = nil) {
    self.status = status
    self.assigned = assigned
    self.account = account
  }
}

extension Session {
  /// Opens a case by hand, if the role lets the user create cases. A contact's account is used
  /// when no account is given.
  public func createCase(_ request: NewCase) throws -> CaseRecord {
    try requireCreate(.case)
    try validateName(request.name, of: "case")
    if let account = request.account, account.type != .account {
      throw EspoMailError.malformed("--account", account.description, accepted: "account:ID")
    }
    if let contact = request.contact, contact.type != .contact {
      throw EspoMailError.malformed("--contact", contact.description, accepted: "contact:ID")
    }
    return try store.write { tx in
      var accountID = request.account?.id
      if let account = request.account, try !tx.exists(account) {
        throw EspoMailError.notFound("account", account.description)
      }
      if let contact = request.contact {
        let record = try tx.record(contact).orThrow("contact", contact.description)
        accountID = accountID ?? record.account?.id
      }
      let number = try tx.insertCase(
        name: request.name, account: accountID, contact: request.contact?.id, lead: nil, createdBy: user.id,
        description: request.description)
      for teamName in user.teams {
        if let teamID = try tx.teamID(name: teamName) { try tx.addCaseTeam(number: number, teamID: teamID) }
      }
      return try tx.caseRecord(number: number).orThrow("case", "#\(number)")
    }
  }

  /// Cases the acting user may read, newest first.
  public func listCases(_ filter: CaseFilter) throws -> [CaseRecord] {
    let level = level(.case, .read)
    guard level != .no else { return [] }
    return try store.read { tx in
      var query = CaseQuery(status: filter.status)
      if let login = filter.assigned { query.assignedUserID = try tx.userID(login: login).orThrow("user", login) }
      if let account = filter.account {
        query.mailAccountID = try tx.mailAccountID(name: account).orThrow("email account", account)
      }
      return try tx.cases(query).filter { mayAccess($0, level: level) }
    }
  }

  /// One case, if the acting user may read it.
  public func showCase(_ number: Int64) throws -> CaseRecord {
    let found = try store.read { try $0.caseRecord(number: number) }.orThrow("case", "#\(number)")
    try requireAccess(found, .read)
    return found
  }

  /// Changes a case's status, if the acting user may edit it.
  public func setCaseStatus(_ number: Int64, _ status: CaseStatus) throws -> CaseRecord {
    try store.write { tx in
      let found = try tx.caseRecord(number: number).orThrow("case", "#\(number)")
      try requireAccess(found, .edit)
      try tx.setCaseStatus(number: number, status)
      return try tx.caseRecord(number: number).orThrow("case", "#\(number)")
    }
  }

  /// Throws unless the acting user's level for the action covers the case.
  func requireAccess(_ found: CaseRecord, _ action: ScopeAction) throws {
    let level = level(.case, action)
    guard mayAccess(found, level: level) else {
      throw EspoMailError.denied(
        "\(action.rawValue) case #\(found.number)", because: "the role level for case.\(action.rawValue) is \(level.rawValue)")
    }
  }

  /// Whether a case is within a level: own = assigned to or created by the user; team = shares a
  /// team with the user, or own; all = everything.
  func mayAccess(_ found: CaseRecord, level: AccessLevel) -> Bool {
    let own = found.assignedUser == user.login || found.createdBy == user.login
    switch level {
    case .all: return true
    case .no: return false
    case .own: return own
    case .team: return own || !Set(found.teams).isDisjoint(with: user.teams)
    }
  }
}
