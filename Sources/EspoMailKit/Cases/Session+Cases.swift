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
  /// Opens a case by hand, if the role lets the user create cases and read the account and contact
  /// named. A contact's account is used when no account is given.
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
      if let account = request.account {
        guard try tx.recordExists(account) else { throw EspoMailError.notFound("account", account.description) }
        try requireReadable(account, action: "case create --account \(account)", tx)
      }
      if let contact = request.contact {
        let record = try tx.crmRecord(contact).orNotFound("contact", contact.description)
        try requireReadable(contact, action: "case create --contact \(contact)", tx)
        accountID = accountID ?? record.account?.id
      }
      let number = try tx.insertCase(
        name: request.name, account: accountID, contact: request.contact?.id, lead: nil, createdBy: user.id,
        description: request.description)
      for teamName in user.teams {
        if let teamID = try tx.teamID(name: teamName) { try tx.addCaseTeam(number: number, teamID: teamID) }
      }
      return try tx.caseRecord(number: number).orNotFound("case", "#\(number)")
    }
  }

  /// Cases the acting user may read, newest first.
  public func listCases(_ filter: CaseFilter) throws -> [CaseRecord] {
    let level = level(.case, .read)
    guard level != .no else { return [] }
    return try store.read { tx in
      var query = CaseQuery(status: filter.status)
      if let login = filter.assigned { query.assignedUserID = try tx.userID(login: login).orNotFound("user", login) }
      if let account = filter.account {
        query.mailAccountID = try tx.mailAccountID(name: account).orNotFound("email account", account)
      }
      return try tx.cases(query).filter { mayAccess($0, level: level) }
    }
  }

  /// One case, if the acting user may read it.
  public func showCase(_ number: Int64) throws -> CaseRecord {
    let found = try store.read { try $0.caseRecord(number: number) }.orNotFound("case", "#\(number)")
    try requireAccess(found, .read)
    return found
  }

  /// Changes a case's status, if the acting user may edit it.
  public func setCaseStatus(_ number: Int64, _ status: CaseStatus) throws -> CaseRecord {
    try store.write { tx in
      let found = try tx.caseRecord(number: number).orNotFound("case", "#\(number)")
      try requireAccess(found, .edit)
      try tx.setCaseStatus(number: number, status)
      return try tx.caseRecord(number: number).orNotFound("case", "#\(number)")
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

  /// Whether a case is within a level for the acting user (the rule: `CaseAccess`).
  func mayAccess(_ found: CaseRecord, level: AccessLevel) -> Bool {
    CaseAccess.covers(found, level: level, user: user)
  }
}

/// A case with its emails and stream, for `case show`.
public struct CaseDetail: Sendable {
  /// The case.
  public var record: CaseRecord
  /// Its emails, oldest first.
  public var emails: [(id: Int64, subject: String, date: String, from: String?)]
  /// Its stream, newest first.
  public var stream: [StreamNote]
}

/// One predicted turn of `case preview`.
public struct PreviewTurn: Sendable {
  /// 1 for the next case, 2 for the one after…
  public var turn: Int
  /// Who would get it (nil: nobody eligible, the case would stay New).
  public var user: String?
  /// Why.
  public var reason: String
}

extension Session {
  /// One case with its emails and stream.
  public func caseDetail(_ number: Int64) throws -> CaseDetail {
    let found = try showCase(number)
    return try store.read { tx in
      CaseDetail(
        record: found, emails: try tx.caseEmails(number: number), stream: try tx.notes(RecordReference(.case, number)))
    }
  }

  /// Assigns a case by hand (needs case.edit covering it); the assignee is notified unless it is
  /// the acting user. Distribution cursors are not touched.
  public func assignCase(_ number: Int64, to login: String) throws -> CaseRecord {
    try store.write { tx in
      let found = try tx.caseRecord(number: number).orNotFound("case", "#\(number)")
      try requireAccess(found, .edit)
      let assignee = try tx.user(login: login).orNotFound("user", login)
      guard assignee.isActive else { throw EspoMailError.invalid("assignee '\(login)'", "the user is inactive") }
      try tx.assignCase(number: number, userID: assignee.id)
      let record = RecordReference(.case, number)
      try tx.addNote(record, kind: .assign, emailID: nil)
      if assignee.id != user.id {
        try tx.notify(
          userID: assignee.id, kind: .assigned, emailID: nil, record: record,
          message: "Case #\(number) assigned to you by \(user.login): \(found.name)")
      }
      return try tx.caseRecord(number: number).orNotFound("case", "#\(number)")
    }
  }

  /// Who would get the next `count` cases of a group account, changing nothing (admins only).
  public func previewCases(account name: String, count: Int) throws -> [PreviewTurn] {
    try requireAdmin("case preview")
    guard (1...1000).contains(count) else { throw EspoMailError.invalid("--count \(count)", "give 1 to 1000") }
    return try store.read { tx in
      let account = try tx.mailAccount(name: name).orNotFound("email account", name)
      guard account.kind == .group, account.cases.createCase else {
        throw EspoMailError(
          .dataError, "account '\(account.name)' does not open cases",
          hint: "espomail account set \(account.name) --create-case --distribution … --case-team …")
      }
      var state = try DistributionState.load(account.cases, accountID: account.id, tx: tx)
      var turns: [PreviewTurn] = []
      for turn in 1...count {
        let (chosen, reason) = CaseDistributor.choose(account.cases.distribution, state)
        turns.append(PreviewTurn(turn: turn, user: chosen?.login, reason: reason))
        // A stamp later than any real time ("~" sorts after digits) that sorts by turn as text too:
        // zero-padded, so turn 10 comes after turn 2.
        if let chosen { CaseDistributor.apply(chosen, at: "~" + String(format: "%07d", turn), to: &state) }
      }
      return turns
    }
  }
}
