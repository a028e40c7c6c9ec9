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
/// written to the email's trace so `explain` can say why. The links are
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
  /// Followers, users, roles and teams, looked up once per transaction.
  let people: PeopleCache

  /// Mail dated longer ago than this notifies nobody (initial syncs of old mail).
  static let notificationAge: TimeInterval = 2 * 24 * 3600

  /// Decides a new email's parent, the email it replies to and its CRM account, before it is
  /// stored, so the email row is written once with its links.
  func decide(for email: NewEmail) throws -> LinkDecision {
    let found = try ParentFinder(tx: tx, isB2C: isB2C, now: now).find(for: email)
    return LinkDecision(found: found, account: try found.parent.flatMap { try tx.accountOf($0) })
  }

  /// Records what linking did for a new email stored with `decision`'s links: the original's
  /// replied flag, the trace, stream notes and threading. Notifying waits for the case step
  /// (`notify`), which may still move the email into a case.
  func record(_ decision: LinkDecision, emailID: Int64, email: NewEmail) throws {
    let found = decision.found
    if let replied = found.repliedEmailID { try tx.flagReplied(emailID: replied) }
    let passed = found.passedOver.isEmpty ? "" : "; passed over: " + found.passedOver.joined(separator: "; ")
    try tx.addDecision(
      emailID: emailID, step: .parent, outcome: found.parent?.description ?? "none",
      detail: "\(found.rule): \(found.detail)\(passed)")
    if let parent = found.parent {
      try tx.addNote(parent, kind: .emailReceived, emailID: emailID, isNewEmail: true)
      if let account = decision.account, parent != RecordReference(.account, account) {
        try tx.addNote(RecordReference(.account, account), kind: .emailReceived, emailID: emailID, isNewEmail: true)
      }
    }
    // Ids it names that are not stored yet: it is threaded (again, if nearer) when one arrives.
    try tx.awaitReferences(emailID: emailID, messageIDs: found.unresolvedIDs)
    let named = Set([email.inReplyTo].compactMap { $0 } + (email.references?.split(separator: " ").map(String.init) ?? []))
    try threadEarlierReplies(
      of: emailID, messageID: email.messageID, named: named, parent: found.parent, account: decision.account)
  }

  /// Rules whose parent came from an address or from nothing: a thread found later beats them.
  private static let weakRules: Set<String> = ["from", "reply-to", "to", "none", Self.laterRule]
  /// The rule written when a reply takes the parent of an email that arrived after it.
  static let laterRule = "thread-later"
  /// Rules that took the parent of the replied email, and follow it when it changes.
  private static let threadRules: Set<String> = ["in-reply-to", "references-thread"]

  /// Replies stored before this email (they name its Message-ID) now answer it, unless they
  /// answer a nearer email already (one this email does not name). Those whose parent came only
  /// from an address, or who have none, take this email's parent, and so do their replies down
  /// the thread; a reply whose parent came from the email it answered before follows too. So the
  /// outcome does not depend on arrival order (EspoCRM threads only at import). Parents set by
  /// hand, by our own Message-ID, or of cases are kept.
  private func threadEarlierReplies(
    of emailID: Int64, messageID: String, named: Set<String>, parent: RecordReference?, account: Int64?
  ) throws {
    // (reply, the parent of the email it answered before)
    var frontier: [(Int64, RecordReference?)] = []
    for reply in try tx.takeAwaiting(messageID: messageID) where reply != emailID {
      let former = try tx.repliedEmail(of: reply)
      if let former, !named.contains(former.messageID) { continue }
      try tx.setReplied(emailID: reply, repliedID: emailID)
      frontier.append((reply, former?.parent))
    }
    if !frontier.isEmpty { try tx.flagReplied(emailID: emailID) }
    guard let parent else { return }
    var visited: Set<Int64> = [emailID]
    while !frontier.isEmpty {
      let (reply, formerUpstream) = frontier.removeFirst()
      guard visited.insert(reply).inserted, let current = try tx.threadingInfo(ofEmail: reply) else { continue }
      let rule = try tx.parentRule(emailID: reply) ?? "none"
      let follows =
        Self.weakRules.contains(rule)
        || (Self.threadRules.contains(rule) && formerUpstream != nil && current.parent == formerUpstream)
      guard follows, current.parent?.type != .case, current.parent != parent else { continue }
      try tx.setParent(emailID: reply, parent, account: account)
      // The record the reply now belongs to shows it in its stream, as if it had arrived after.
      try tx.addNote(parent, kind: .emailReceived, emailID: reply)
      if let account, parent != RecordReference(.account, account) {
        try tx.addNote(RecordReference(.account, account), kind: .emailReceived, emailID: reply)
      }
      try tx.addDecision(
        emailID: reply, step: .parent, outcome: parent.description,
        detail: "\(Self.laterRule): email:\(emailID) \(messageID), which it answers, arrived after it and is linked to \(parent)")
      frontier += try tx.replies(to: [reply]).map { ($0.id, current.parent) }
    }
  }

  /// Notifies, once the email has its final parent: followers of the parent linking found, of the
  /// case the email joined (by thread or `[#N]`) and of their CRM account, the assignee of a case
  /// it joined as if following it (an opened case's assignee has been told of the assignment), and
  /// the users newly given the email, each only if they may read it.
  func notify(
    _ decision: LinkDecision, emailID: Int64, email: NewEmail, cases: CaseOutcome, newlyGiven: [Int64],
    silenced: Set<Int64>
  ) throws {
    let sent = (try? Date(email.dateSent, strategy: .iso8601)) ?? now
    if now.timeIntervalSince(sent) > Self.notificationAge {
      try tx.addDecision(
        emailID: emailID, step: .notify, outcome: "nobody",
        detail: "dated \(email.dateSent), more than two days before the fetch: old mail notifies nobody")
      return
    }
    guard notifies else {
      try tx.addDecision(emailID: emailID, step: .notify, outcome: "nobody", detail: "fetch --no-notify")
      return
    }
    let senders = Set(try people.activeUserIDs(withAddresses: [email.from?.address].compactMap { $0 }))
    let subject = email.subject.isEmpty ? "(no subject)" : email.subject
    let from = email.from?.formatted ?? "unknown sender"
    var notified: [String] = []
    var skipped: [String] = []
    var followersNotified: Set<Int64> = []
    // (record, user, why): the records in the order their followers are told.
    var followedRecords: [(RecordReference, Int64, String)] = []
    var records = [decision.parent].compactMap { $0 }
    if case .threaded(let number) = cases {
      let joined = RecordReference(.case, number)
      if let assignee = try tx.caseOrigin(number: number)?.assignedUserID {
        followedRecords.append((joined, assignee, "is assigned \(joined)"))
      }
      if !records.contains(joined) { records.append(joined) }
      if let account = try tx.accountOf(joined) { records.append(RecordReference(.account, account)) }
    }
    if let account = decision.account { records.append(RecordReference(.account, account)) }
    var seen: Set<RecordReference> = []
    for record in records where seen.insert(record).inserted {
      followedRecords += try people.followerIDs(of: record).map { (record, $0, "follows \(record)") }
    }
    for (record, userID, why) in followedRecords where !followersNotified.contains(userID) {
      let login = try people.user(userID)?.login ?? "user \(userID)"
      if senders.contains(userID) {
        skipped.append("\(login): the sender")
        continue
      }
      if silenced.contains(userID) {
        skipped.append("\(login): silenced by a filter or folder")
        continue
      }
      let access = try EmailAccessCheck(tx: tx, people: people).decide(userID: userID, emailID: emailID)
      guard access.allowed else {
        skipped.append("\(login) follows \(record) but may not read the email (\(access.reason))")
        continue
      }
      try tx.notify(
        userID: userID, kind: .note, emailID: emailID, noteID: try tx.emailNoteID(record, emailID: emailID),
        record: record, message: "New email on \(record) from \(from): \(subject)")
      followersNotified.insert(userID)
      notified.append("\(login) \(why)")
    }
    for userID in newlyGiven.sorted() {
      let login = try people.user(userID)?.login ?? "user \(userID)"
      if senders.contains(userID) {
        skipped.append("\(login): the sender")
      } else if silenced.contains(userID) {
        skipped.append("\(login): silenced by a filter or folder")
      } else if followersNotified.contains(userID) {
        continue
      } else if case let access = try EmailAccessCheck(tx: tx, people: people).decide(userID: userID, emailID: emailID),
        !access.allowed
      {
        skipped.append("\(login) has the email but may not read it (\(access.reason))")
      } else if try tx.notify(userID: userID, kind: .emailReceived, emailID: emailID, message: "Email from \(from): \(subject)") {
        notified.append("\(login) was given the email")
      }
    }
    let detail = (notified.isEmpty ? ["notified nobody"] : notified) + skipped.map { "not \($0)" }
    try tx.addDecision(
      emailID: emailID, step: .notify, outcome: notified.isEmpty ? "nobody" : "\(notified.count) user(s)",
      detail: detail.joined(separator: "; "))
  }
}
