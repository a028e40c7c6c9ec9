import EspoMailCore
import EspoMailMIME
import EspoMailSecrets
import EspoMailStore
import Foundation

/// What happened to one message.
enum ImportOutcome: Equatable {
  /// A new email, and what the case logic did with it.
  case imported(emailID: Int64, CaseOutcome)
  /// An email already in the store, now also this account's (a case account may still open or
  /// join a case for it).
  case merged(emailID: Int64, CaseOutcome)
  /// Imported header-only because of the size limit.
  case tooLarge(emailID: Int64, CaseOutcome)
  /// Kept aside with its reason.
  case quarantined(id: Int64, reason: String)
  /// Not imported: a fetch filter skipped it.
  case skipped(filter: String)
  /// Not imported: expunged on the server before its download (a fetch only).
  case expunged
}

/// Stores one message inside the caller's transaction: a new email, a merge into the stored one
/// that is the same message (same Message-ID and fingerprint), or a quarantine entry. The ledger
/// row is written in the same savepoint, so a message is settled exactly when its effects are
/// stored.
struct Importer {
  /// The transaction everything is written in.
  let tx: Transaction
  /// The account fetching (nil for `email import` of a file).
  let account: MailAccount?
  /// Users given the email besides the account's and the recipients (the importing user).
  var extraUserIDs: [Int64] = []
  /// The login of the user importing a file with `email import`, named in the email's decisions.
  var importedBy: String?
  /// Whether each message gets its own savepoint, so a failing one is quarantined while the
  /// others stay. Without it (the fast path) a failure aborts the caller's transaction, which
  /// then retries the chunk isolated.
  var isIsolated = true
  /// False under `fetch --no-notify`, and for a non-admin's `email import`.
  var notifies = true
  /// Whether users whose address is among the recipients are given the email; false for a
  /// non-admin's `email import`, which reaches only the importer's own mailbox.
  var sharesWithRecipients = true
  /// False under `fetch --no-auto-reply`.
  var autoReplies = true
  /// SHA-256s of raw messages stored already, outside this transaction (a fetch on PostgreSQL
  /// stores a chunk's raw messages ahead of it).
  var rawMessagesStoredAhead: Set<String> = []
  /// Whether contacts are parents themselves (B2C mode), read once.
  private let isB2C: Bool
  /// Users' inbox filters, cached for the transaction.
  private let userFilters: UserFilterApplier
  /// Followers, users, roles and teams for linking, cached for the transaction.
  private let people: PeopleCache
  /// The account's own users and teams, group folder and folder map, looked up once.
  private let routing: AccountRouting
  /// Whom a group account without cases assigns its mail to.
  private let assignment: MailAssignment

  /// An importer writing in `tx` for `account`.
  init(tx: Transaction, account: MailAccount?, now: Date) throws {
    self.tx = tx
    self.account = account
    self.now = now
    isB2C = try tx.isB2CMode()
    userFilters = UserFilterApplier(tx: tx)
    people = PeopleCache(tx: tx)
    assignment = try MailAssignment.load(account, tx: tx)
    routing = try AccountRouting.load(account, assignment: assignment, tx: tx)
  }
  /// The clock.
  let now: Date

  /// Imports a fully downloaded message; unparseable bytes are quarantined.
  func importMessage(_ raw: [UInt8], key: ServerMessageKey?) throws -> ImportOutcome {
    try importPrepared(PreparedMessage.prepare(raw, size: raw.count, headerOnly: false, now: now), key: key)
  }

  /// Merges a message already stored (same Message-ID and fingerprint, found from its header)
  /// without its body.
  func merge(into emailID: Int64, key: ServerMessageKey) throws -> ImportOutcome {
    try step {
      let given = try file(emailID, key: key, given: try share(emailID: emailID, recipients: []))
      if !given.isEmpty, let subject = try tx.filterSubject(emailID: emailID) {
        _ = try userFilters.apply(emailID: emailID, subject: subject, userIDs: given)
      }
      try tx.settleInLedger(key, outcome: .merged, emailID: emailID)
      try assignment.record(emailID: emailID, accountName: account?.name ?? "", isNew: false, tx: tx)
      return .merged(emailID: emailID, try routeDuplicate(emailID))
    }
  }

  /// Runs the case logic for a duplicate reaching a case account: it joins the case
  /// its thread is on, or opens one when the first copy came through an account without cases.
  private func routeDuplicate(_ emailID: Int64) throws -> CaseOutcome {
    guard let account, account.kind == .group, account.cases.createCase,
      let stored = try tx.storedEmailForCases(emailID: emailID)
    else { return .none }
    return try CaseRouter(tx: tx, account: account, now: now).route(
      emailID: emailID, email: stored.email, parent: stored.parent, crmAccount: stored.account)
  }

  /// Settles a message a fetch filter skipped: nothing is imported.
  func skip(by filter: EmailFilter, key: ServerMessageKey) throws -> ImportOutcome {
    try tx.settleInLedger(key, outcome: .skipped, emailID: nil, filterID: filter.id)
    return .skipped(filter: filter.name)
  }

  /// Settles a server message that was expunged before its download: there is nothing to import
  /// or quarantine, and nothing to look for again.
  func expunged(key: ServerMessageKey) throws -> ImportOutcome {
    try tx.settleInLedger(key, outcome: .expunged, emailID: nil)
    return .expunged
  }

  /// Stores a prepared message: a new email, a merge into the same message (Message-ID and
  /// fingerprint), or a quarantine entry. A fetch filter that moved it names the group folder it
  /// goes to.
  func importPrepared(
    _ prepared: PreparedMessage, key: ServerMessageKey?, groupFolder: (filter: EmailFilter, reason: String)? = nil
  ) throws -> ImportOutcome {
    guard case .success(let draft) = prepared.draft else {
      if case .failure(let error) = prepared.draft { return try quarantine(prepared, key: key, reason: error.message) }
      return try quarantine(prepared, key: key, reason: "unknown")
    }
    do {
      return try step {
        let recipients = ([draft.from].compactMap { $0 } + draft.to + draft.cc + draft.bcc).map(\.address)
        let duplicate = try DuplicateCheck.verdict(
          messageID: draft.messageID, fingerprint: draft.fingerprint ?? "", tx: tx, fillLegacy: true)
        if case .same(let existing) = duplicate {
          let given = try file(existing, key: key, given: try share(emailID: existing, recipients: recipients))
          _ = try userFilters.apply(emailID: existing, subject: FetchFilterSet.subject(draft), userIDs: given)
          if let importedBy {
            try tx.addDecision(
              emailID: existing, step: .duplicate, outcome: "merged",
              detail: "merged a file imported by \(importedBy): same Message-ID and From/Date/Subject/To/Cc fingerprint")
          }
          if let key { try tx.settleInLedger(key, outcome: .merged, emailID: existing) }
          try assignment.record(emailID: existing, accountName: account?.name ?? "", isNew: false, tx: tx)
          return .merged(emailID: existing, try routeDuplicate(existing))
        }
        try storeRaw(prepared)
        let linker = Linker(tx: tx, now: now, isB2C: isB2C, notifies: notifies, people: people)
        let link = try linker.decide(for: draft)
        var draft = draft
        draft.parent = link.parent
        draft.crmAccountID = link.account
        draft.repliedEmailID = link.found.repliedEmailID
        let emailID = try tx.insertEmail(draft)
        if case .reusedID(let others) = duplicate {
          try tx.addDecision(
            emailID: emailID, step: .duplicate, outcome: "not-merged", detail: DuplicateCheck.notMergedDetail(others))
        }
        if let importedBy {
          try tx.addDecision(
            emailID: emailID, step: .users, outcome: importedBy, detail: "imported from a file by \(importedBy)")
        }
        if let teamNote = routing.teamNote {
          try tx.addDecision(emailID: emailID, step: .users, outcome: teamNote.outcome, detail: teamNote.detail)
        }
        var given = try share(emailID: emailID, recipients: recipients)
        if let (filter, reason) = groupFolder, let folderID = try tx.filterTargets(id: filter.id).groupFolderID {
          given += try tx.fileInGroupFolder(emailID: emailID, folderID: folderID)
          try tx.addDecision(
            emailID: emailID, step: .filter, outcome: filter.name,
            detail: "\(reason): filed in group folder \(filter.groupFolder ?? "")")
        }
        given = try file(emailID, key: key, given: given)
        let silenced = try userFilters.apply(emailID: emailID, subject: FetchFilterSet.subject(draft), userIDs: given)
        try linker.record(link, emailID: emailID, email: draft)
        try assignment.record(emailID: emailID, accountName: account?.name ?? "", isNew: true, tx: tx)
        var caseOutcome = CaseOutcome.none
        if let account {
          caseOutcome = try CaseRouter(tx: tx, account: account, now: now).route(
            emailID: emailID, email: draft, parent: link.parent, crmAccount: link.account)
        }
        try linker.notify(
          link, emailID: emailID, email: draft, cases: caseOutcome, newlyGiven: given, silenced: silenced)
        if let account {
          try AutoReplier(tx: tx, account: account, now: now, isEnabled: autoReplies).consider(
            emailID: emailID, email: draft, cases: caseOutcome, repliedEmailID: link.found.repliedEmailID)
        }
        for malformation in prepared.malformations {
          try tx.addDecision(
            emailID: emailID, step: .parse, outcome: "malformed",
            detail: "\(malformation.rawValue): \(malformation.explanation)")
        }
        if draft.isMessageIDSynthetic {
          try tx.addDecision(
            emailID: emailID, step: .duplicate, outcome: "synthetic-id",
            detail: "no Message-ID: \(draft.messageID) was derived from Date, From, To, Subject and body")
        }
        if draft.isHeaderOnly {
          try tx.addDecision(
            emailID: emailID, step: .filter, outcome: "header-only",
            detail: "\(draft.size) bytes is over the account's \(account?.maxSizeMB ?? 0) MB limit")
        }
        if let key { try tx.settleInLedger(key, outcome: draft.isHeaderOnly ? .tooLarge : .imported, emailID: emailID) }
        return draft.isHeaderOnly
          ? .tooLarge(emailID: emailID, caseOutcome) : .imported(emailID: emailID, caseOutcome)
      }
    } catch let error as EspoMailError
      where isIsolated && (error.status == .dataError || error.status == .internalError)
    {
      return try quarantine(prepared, key: key, reason: error.message)
    }
  }

  /// Runs one message's writes, in a savepoint when isolated.
  private func step<T>(_ body: () throws -> T) throws -> T {
    isIsolated ? try tx.savepoint(body) : try body()
  }

  /// Gives an email to this account, its users and teams, and to active users whose address is
  /// among the recipients (nothing is ever taken away); returns the users newly given it.
  @discardableResult
  private func share(emailID: Int64, recipients: [String]) throws -> [Int64] {
    let recipientIDs = sharesWithRecipients ? try people.activeUserIDs(withAddresses: recipients) : []
    let userIDs = recipientIDs + extraUserIDs + routing.userIDs
    if let account { try tx.addEmailAccount(emailID: emailID, accountID: account.id) }
    try tx.addEmailTeams(emailID: emailID, teamIDs: routing.teamIDs)
    return try tx.addEmailUsers(emailID: emailID, userIDs: Array(Set(userIDs)).sorted())
  }

  /// Files an email the way the account files its mail, after its fetch filters: in the
  /// account's group folder, and in the owner's folder its IMAP folder maps to. Returns `given`
  /// with the group folder's members newly given it.
  private func file(_ emailID: Int64, key: ServerMessageKey?, given: [Int64]) throws -> [Int64] {
    let all = given + (try routing.fileInGroupFolder(emailID: emailID, accountName: account?.name ?? "", tx: tx))
    try routing.fileInOwnersFolder(emailID: emailID, key: key, newlyGiven: all, tx: tx)
    return all
  }

  /// Stores the message's raw bytes unless they were stored ahead.
  private func storeRaw(_ prepared: PreparedMessage) throws {
    guard !rawMessagesStoredAhead.contains(prepared.sha256) else { return }
    try tx.storeRaw(sha256: prepared.sha256, bytes: prepared.raw)
  }

  private func quarantine(_ prepared: PreparedMessage, key: ServerMessageKey?, reason: String) throws -> ImportOutcome {
    try step {
      try storeRaw(prepared)
      let id = try tx.quarantine(
        accountID: key?.accountID, folder: key?.folder, uidValidity: key?.uidValidity, uid: key?.uid,
        rawSHA256: prepared.sha256, reason: reason)
      if let key { try tx.settleInLedger(key, outcome: .quarantined, emailID: nil, quarantineID: id) }
      return .quarantined(id: id, reason: reason)
    }
  }
}
