import EspoMailCore
import EspoMailStore
import Foundation

/// What linking decided for a new email before it was stored.
struct LinkDecision {
  /// The parent finder's decision (parent, rule, replied email, what was passed over).
  var found: ParentDecision
  /// The CRM account derived from the parent.
  var account: Int64?
  /// The parent.
  var parent: RecordReference? { found.parent }
}

/// Links a newly imported email: parent, thread, stream notes and notifications, each decision
/// written to the email's trace so `explain` can say why (design §4, Espo §5, §9). The links are
/// decided before the email is stored (`decide`) and the rest recorded after (`record`).
struct Linker {
  /// The import transaction.
  let tx: Transaction
  /// The clock (old mail notifies nobody).
  let now: Date
  /// Whether contacts are parents themselves (B2C mode).
  let isB2C: Bool
  /// False under `fetch --no-notify`.
  let notifies: Bool

  /// Mail dated longer ago than this notifies nobody (initial syncs of old mail).
  static let notificationAge: TimeInterval = 2 * 24 * 3600

  /// Decides a new email's parent, the email it replies to and its CRM account, before it is
  /// stored, so the email row is written once with its links.
  func decide(for email: NewEmail) throws -> LinkDecision {
    let found = try ParentFinder(tx: tx, isB2C: isB2C, now: now).find(for: email)
    return LinkDecision(found: found, account: try found.parent.flatMap { try tx.accountOf($0) })
  }

  /// Records what linking did for a new email stored with `decision`'s links: the original's
  /// replied flag, the trace, stream notes and the notifications for `newlyGiven` users and
  /// followers.
  func record(
    _ decision: LinkDecision, emailID: Int64, email: NewEmail, newlyGiven: [Int64], silenced: Set<Int64> = []
  ) throws {
    let found = decision.found
    if let replied = found.repliedEmailID { try tx.flagReplied(emailID: replied) }
    let passed = found.passedOver.isEmpty ? "" : "; passed over: " + found.passedOver.joined(separator: "; ")
    try tx.addDecision(
      emailID: emailID, step: "parent", outcome: found.parent?.description ?? "none",
      detail: "\(found.rule): \(found.detail)\(passed)")
    var noteIDs: [RecordReference: Int64] = [:]
    if let parent = found.parent {
      noteIDs[parent] = try tx.addNote(parent, kind: "email-received", emailID: emailID)
      if let account = decision.account, parent != RecordReference(.account, account) {
        noteIDs[RecordReference(.account, account)] = try tx.addNote(
          RecordReference(.account, account), kind: "email-received", emailID: emailID)
      }
    }
    try notify(
      emailID: emailID, email: email, parent: found.parent, account: decision.account, noteIDs: noteIDs,
      newlyGiven: newlyGiven, silenced: silenced)
  }

  private func notify(
    emailID: Int64, email: NewEmail, parent: RecordReference?, account: Int64?, noteIDs: [RecordReference: Int64],
    newlyGiven: [Int64], silenced: Set<Int64>
  ) throws {
    let sent = (try? Date(email.dateSent, strategy: .iso8601)) ?? now
    if now.timeIntervalSince(sent) > Self.notificationAge {
      try tx.addDecision(
        emailID: emailID, step: "notify", outcome: "nobody",
        detail: "dated \(email.dateSent), more than two days before the fetch: old mail notifies nobody")
      return
    }
    guard notifies else {
      try tx.addDecision(emailID: emailID, step: "notify", outcome: "nobody", detail: "fetch --no-notify")
      return
    }
    let senders = Set(try tx.activeUserIDs(withAddresses: [email.from?.address].compactMap { $0 }))
    let subject = email.subject.isEmpty ? "(no subject)" : email.subject
    let from = email.from?.formatted ?? "unknown sender"
    var notified: [String] = []
    var skipped: [String] = []
    var followersNotified: Set<Int64> = []
    var followedRecords: [(RecordReference, Int64)] = []
    if let parent { followedRecords += try tx.followerIDs(of: parent).map { (parent, $0) } }
    if let account, let parent, parent != RecordReference(.account, account) {
      followedRecords += try tx.followerIDs(of: RecordReference(.account, account)).map { (RecordReference(.account, account), $0) }
    }
    for (record, userID) in followedRecords where !followersNotified.contains(userID) {
      let login = try tx.userSummary(id: userID)?.login ?? "user \(userID)"
      if senders.contains(userID) {
        skipped.append("\(login): the sender")
        continue
      }
      if silenced.contains(userID) {
        skipped.append("\(login): silenced by a filter or folder")
        continue
      }
      let access = try EmailReadCheck(tx: tx).mayRead(userID: userID, emailID: emailID)
      guard access.allowed else {
        skipped.append("\(login) follows \(record) but may not read the email (\(access.reason))")
        continue
      }
      try tx.notify(
        userID: userID, kind: "note", emailID: emailID, noteID: noteIDs[record], record: record,
        message: "New email on \(record) from \(from): \(subject)")
      followersNotified.insert(userID)
      notified.append("\(login) follows \(record)")
    }
    for userID in newlyGiven.sorted() {
      let login = try tx.userSummary(id: userID)?.login ?? "user \(userID)"
      if senders.contains(userID) {
        skipped.append("\(login): the sender")
      } else if silenced.contains(userID) {
        skipped.append("\(login): silenced by a filter or folder")
      } else if followersNotified.contains(userID) {
        continue
      } else if try tx.notify(userID: userID, kind: "email-received", emailID: emailID, message: "Email from \(from): \(subject)") {
        notified.append("\(login) was given the email")
      }
    }
    let detail = (notified.isEmpty ? ["notified nobody"] : notified) + skipped.map { "not \($0)" }
    try tx.addDecision(
      emailID: emailID, step: "notify", outcome: notified.isEmpty ? "nobody" : "\(notified.count) user(s)",
      detail: detail.joined(separator: "; "))
  }
}
