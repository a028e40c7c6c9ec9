import EspoMailCore
import EspoMailMIME
import EspoMailSecrets
import EspoMailStore
import Foundation

/// What happened to one message.
enum ImportOutcome: Equatable {
  /// A new email.
  case imported(emailID: Int64)
  /// An email already in the store, now also this account's.
  case merged(emailID: Int64)
  /// Imported header-only because of the size limit.
  case tooLarge(emailID: Int64)
  /// Kept aside with its reason.
  case quarantined(id: Int64, reason: String)
}

/// Stores one message inside the caller's transaction: a new email, a merge into the existing
/// one with the same Message-ID, or a quarantine entry. The ledger row is written in the same
/// savepoint, so a message is settled exactly when its effects are stored.
struct Importer {
  /// The transaction everything is written in.
  let tx: Transaction
  /// The account fetching (nil for `email import` of a file).
  let account: MailAccount?
  /// Users given the email besides the account's and the recipients (the importing user).
  var extraUserIDs: [Int64] = []
  /// The clock.
  let now: Date

  /// Imports a fully downloaded message; unparseable bytes are quarantined.
  func importMessage(_ raw: [UInt8], key: ServerMessageKey?) throws -> ImportOutcome {
    let parsed: ParsedMessage
    do {
      parsed = try MessageParser.parse(raw)
    } catch {
      return try quarantine(raw, key: key, reason: "\(error)")
    }
    return try store(parsed, raw: raw, size: raw.count, headerOnly: false, key: key)
  }

  /// Imports a message over the size limit from its header alone (its body is never downloaded).
  func importHeaderOnly(_ header: [UInt8], size: Int, key: ServerMessageKey) throws -> ImportOutcome {
    let parsed: ParsedMessage
    do {
      parsed = try MessageParser.parseHeaders(header)
    } catch {
      return try quarantine(header, key: key, reason: "\(error)")
    }
    return try store(parsed, raw: header, size: size, headerOnly: true, key: key)
  }

  /// Merges a message already known by Message-ID (found from its header) without its body.
  func merge(into emailID: Int64, key: ServerMessageKey) throws -> ImportOutcome {
    try tx.savepoint {
      try share(emailID: emailID, recipients: [])
      try tx.settle(key, outcome: .merged, emailID: emailID)
    }
    return .merged(emailID: emailID)
  }

  private func store(_ parsed: ParsedMessage, raw: [UInt8], size: Int, headerOnly: Bool, key: ServerMessageKey?)
    throws -> ImportOutcome
  {
    do {
      return try tx.savepoint {
        var draft = EmailDraft.make(from: parsed, raw: raw, size: size, headerOnly: headerOnly, now: now)
        let recipients = ([draft.from].compactMap { $0 } + draft.to + draft.cc + draft.bcc).map(\.address)
        if let existing = try tx.emailID(messageID: draft.messageID) {
          try share(emailID: existing, recipients: recipients)
          if let key { try tx.settle(key, outcome: .merged, emailID: existing) }
          return .merged(emailID: existing)
        }
        let sha = Digest.sha256Hex(raw)
        try tx.storeRaw(sha256: sha, bytes: raw)
        draft.rawSHA256 = sha
        let emailID = try tx.insertEmail(draft)
        try share(emailID: emailID, recipients: recipients)
        if draft.isMessageIDSynthetic {
          try tx.addDecision(
            emailID: emailID, step: "duplicate", outcome: "synthetic-id",
            detail: "no Message-ID: \(draft.messageID) was derived from Date, From, To, Subject and body")
        }
        if headerOnly {
          try tx.addDecision(
            emailID: emailID, step: "filter", outcome: "header-only",
            detail: "\(size) bytes is over the account's \(account?.maxSizeMB ?? 0) MB limit")
        }
        if let key { try tx.settle(key, outcome: headerOnly ? .tooLarge : .imported, emailID: emailID) }
        return headerOnly ? .tooLarge(emailID: emailID) : .imported(emailID: emailID)
      }
    } catch let error as EspoMailError where error.status == .dataError || error.status == .internalError {
      return try quarantine(raw, key: key, reason: error.message)
    }
  }

  /// Gives an email to this account, its users and teams, and to active users whose address is
  /// among the recipients (nothing is ever taken away).
  private func share(emailID: Int64, recipients: [String]) throws {
    var userIDs = try tx.activeUserIDs(withAddresses: recipients) + extraUserIDs
    if let account {
      try tx.addEmailAccount(emailID: emailID, accountID: account.id)
      switch account.kind {
      case .personal:
        if let owner = account.owner, let ownerID = try tx.userID(login: owner) { userIDs.append(ownerID) }
      case .group:
        let members = try tx.accountTeamMembers(accountID: account.id)
        userIDs += members.userIDs
        try tx.addEmailTeams(emailID: emailID, teamIDs: members.teamIDs)
      }
    }
    try tx.addEmailUsers(emailID: emailID, userIDs: Array(Set(userIDs)).sorted())
  }

  private func quarantine(_ raw: [UInt8], key: ServerMessageKey?, reason: String) throws -> ImportOutcome {
    try tx.savepoint {
      let sha = Digest.sha256Hex(raw)
      try tx.storeRaw(sha256: sha, bytes: raw)
      let id = try tx.quarantine(
        accountID: key?.accountID, folder: key?.folder, uidValidity: key?.uidValidity, uid: key?.uid,
        rawSHA256: sha, reason: reason)
      if let key { try tx.settle(key, outcome: .quarantined, emailID: nil, quarantineID: id) }
      return .quarantined(id: id, reason: reason)
    }
  }
}
