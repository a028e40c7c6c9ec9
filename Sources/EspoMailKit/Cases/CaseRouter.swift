import EspoMailCore
import EspoMailStore
import Foundation

/// What the case logic did with one email.
enum CaseOutcome: Equatable {
  /// Nothing: not a case account, or automatic mail.
  case none
  /// Linked to an existing case.
  case threaded(Int64)
  /// Opened a case, assigned (true) or left New (false).
  case created(Int64, assigned: Bool)
}

/// Email-to-case for a group account, inside the import transaction:
/// automatic mail opens nothing; an email already linked to a case joins it; `[#N]` joins case N
/// only if it came through this account or the sender belongs to its contact or account; otherwise
/// (an unknown N included) a new case opens and is distributed (Docs/email-to-case.md).
struct CaseRouter {
  /// The import transaction.
  let tx: Transaction
  /// The group account that received the email.
  let account: MailAccount
  /// The clock.
  let now: Date

  /// Routes a new email whose parent (after linking) is `parent`.
  func route(emailID: Int64, email: NewEmail, parent: RecordReference?, crmAccount: Int64?) throws -> CaseOutcome {
    guard account.kind == .group, account.cases.createCase else { return .none }
    if let reason = email.automaticReason {
      try tx.addDecision(emailID: emailID, step: .case, outcome: "none", detail: "automatic mail (\(reason)) opens no case")
      return .none
    }
    if let parent, parent.type == .case {
      try thread(emailID: emailID, into: parent.id, why: "the email's thread is linked to case #\(parent.id)")
      return .threaded(parent.id)
    }
    if let number = Self.caseNumber(in: email.subject) {
      if let origin = try tx.caseOrigin(number: number) {
        if origin.mailAccountID == account.id {
          try thread(emailID: emailID, into: number, why: "subject carries [#\(number)], a case of this account")
          return .threaded(number)
        }
        if try senderBelongs(email, to: origin) {
          try thread(emailID: emailID, into: number, why: "subject carries [#\(number)] and the sender belongs to that case")
          return .threaded(number)
        }
        try tx.addDecision(
          emailID: emailID, step: .case, outcome: "ignored [#\(number)]",
          detail: "case #\(number) came through another account and the sender is not its contact or account")
      } else {
        try tx.addDecision(
          emailID: emailID, step: .case, outcome: "ignored [#\(number)]",
          detail: "there is no case #\(number): the email is treated as a new thread")
      }
    }
    return try open(emailID: emailID, email: email, crmAccount: crmAccount)
  }

  /// The case number a subject names: the first `[#N]` or `[#N words]` (digits, then any text
  /// without digits, then `]`), as in `Re: [#17] Printer` or `[#17 Printer jam]`.
  static func caseNumber(in subject: String) -> Int64? {
    var rest = Substring(subject)
    while let open = rest.range(of: "[#") {
      rest = rest[open.upperBound...]
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      let tail = rest[digits.endIndex...]
      guard !digits.isEmpty, let close = tail.firstIndex(of: "]"),
        !tail[..<close].contains(where: { $0.isASCII && $0.isNumber })
      else { continue }
      if let number = Int64(digits), number > 0 { return number }
    }
    return nil
  }

  private func senderBelongs(_ email: NewEmail, to origin: CaseOrigin) throws -> Bool {
    guard let from = email.from?.address.lowercased() else { return false }
    for contact in try tx.holders(of: from, type: .contact) {
      if contact.record.id == origin.contactID { return true }
      if let account = origin.accountID, contact.account == account { return true }
    }
    if let account = origin.accountID {
      return try tx.holders(of: from, type: .account).contains { $0.record.id == account }
    }
    return false
  }

  private func thread(emailID: Int64, into number: Int64, why: String) throws {
    guard let origin = try tx.caseOrigin(number: number) else { return }
    try tx.setParent(emailID: emailID, RecordReference(.case, number), account: origin.accountID)
    if let assignee = origin.assignedUserID { try tx.addEmailUsers(emailID: emailID, userIDs: [assignee]) }
    try tx.addEmailTeams(emailID: emailID, teamIDs: origin.teamIDs)
    try tx.addNote(RecordReference(.case, number), kind: .emailReceived, emailID: emailID)
    try tx.addDecision(emailID: emailID, step: .case, outcome: "threaded into #\(number)", detail: why)
  }

  private func open(emailID: Int64, email: NewEmail, crmAccount: Int64?) throws -> CaseOutcome {
    let sender = email.from?.address.lowercased()
    let contact = try sender.flatMap { try tx.holders(of: $0, type: .contact).first }
    let accountID = crmAccount ?? contact?.account
    let lead = accountID == nil ? try sender.flatMap { try tx.holders(of: $0, type: .lead).first } : nil
    let number = try tx.insertCase(
      name: email.subject.isEmpty ? "(no subject)" : email.subject, account: accountID, contact: contact?.record.id,
      lead: lead?.record.id, createdBy: nil, description: email.bodyPlain, mailAccount: account.id)
    let record = RecordReference(.case, number)
    if let team = account.cases.team, let teamID = try tx.teamID(name: team) {
      try tx.addCaseTeam(number: number, teamID: teamID)
      try tx.addEmailTeams(emailID: emailID, teamIDs: [teamID])
    }
    try tx.setParent(emailID: emailID, record, account: accountID)
    try tx.shareAttachments(emailID: emailID, caseNumber: number)
    try tx.addNote(record, kind: .emailReceived, emailID: emailID, isInitial: true)
    let links = [accountID.map { "account:\($0)" }, contact.map { $0.record.description }, lead.map { $0.record.description }]
      .compactMap { $0 }
    try tx.addDecision(
      emailID: emailID, step: .case, outcome: "opened #\(number)",
      detail: "first email of a thread on a case account\(links.isEmpty ? "" : "; linked to " + links.joined(separator: ", "))")
    var state = try DistributionState.load(account.cases, accountID: account.id, tx: tx)
    let (chosen, reason) = CaseDistributor.choose(account.cases.distribution, state)
    guard let chosen else {
      try tx.addDecision(emailID: emailID, step: .assignment, outcome: "unassigned", detail: reason + "; the case stays New")
      return .created(number, assigned: false)
    }
    try tx.assignCase(number: number, userID: chosen.id)
    if account.cases.distribution == .roundRobin { try tx.setRoundRobinCursor(accountID: account.id, userID: chosen.id) }
    CaseDistributor.apply(chosen, at: "", to: &state)
    try tx.addEmailUsers(emailID: emailID, userIDs: [chosen.id])
    try tx.addNote(record, kind: .assign, emailID: nil)
    try tx.notify(
      userID: chosen.id, kind: .assigned, emailID: nil, record: record,
      message: "Case #\(number) assigned to you: \(email.subject)")
    try tx.addDecision(emailID: emailID, step: .assignment, outcome: chosen.login, detail: reason)
    return .created(number, assigned: true)
  }
}
