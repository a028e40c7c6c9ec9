import EspoMailCore
import EspoMailStore
import Foundation

/// Why an email got its parent (or none): the rule, and what was passed over.
struct ParentDecision {
  /// The parent, if any rule found one.
  var parent: RecordReference?
  /// The rule that fired: references, in-reply-to, references-thread, from, reply-to, to; or none.
  var rule: String
  /// The header and value or address and record behind it.
  var detail: String
  /// Candidates looked at and passed over, with why.
  var passedOver: [String] = []
  /// The email this one replies to, found by In-Reply-To (or References).
  var repliedEmailID: Int64?
  /// Message-IDs looked up for the thread and not found: the email waits for them.
  var unresolvedIDs: [String] = []
}

/// Finds an email's parent record, first rule wins (Docs/architecture.md, "Linking, cases and filters"):
/// 1. References carrying our own Message-IDs (oldest first);
/// 2. the parent of the email replied to: In-Reply-To, then the other emails References names
///    that are in the store, nearest ancestor first (their own References decide, not the header
///    order: mailers disagree on it);
/// 3. From, 4. first Reply-To, 5. first To, by address: a Contact (its Account unless B2C mode),
///    else an Account, else a Lead. Several holders of one address: primary holders first, then the
///    oldest record. Opportunities and Cases are reached only through threading; users never.
/// A lead found by any rule that was converted stands for its account (or contact in B2C mode).
struct ParentFinder {
  /// The transaction lookups run in.
  let tx: Transaction
  /// Whether contacts are parents themselves (B2C mode).
  let isB2C: Bool
  /// The clock, for rejecting our Message-IDs dated in the future.
  let now: Date

  /// The decision for a new email; a converted lead any rule finds stands for what it was
  /// converted to.
  func find(for email: NewEmail) throws -> ParentDecision {
    var decision = try findByRules(for: email)
    if let lead = decision.parent, lead.type == .lead, let (target, why) = try convertedTarget(of: lead) {
      decision.parent = target
      decision.detail += "; \(lead) was converted: \(why)"
    }
    return decision
  }

  /// What a converted lead's mail links to, and why: its account (a contact's account), else its
  /// contact; in B2C mode its contact first. Nil for a lead not converted (to anything that exists).
  func convertedTarget(of lead: RecordReference) throws -> (RecordReference, String)? {
    guard let conversion = try tx.leadConversion(leadID: lead.id) else { return nil }
    let contactAccount = try conversion.contact.flatMap { try tx.accountOf($0) }.map { RecordReference(.account, $0) }
    let order: [(RecordReference?, String)] =
      isB2C
      ? [(conversion.contact, "B2C mode: to its contact"), (conversion.account, "to its account")]
      : [
        (conversion.account, "to its account"), (contactAccount, "to \(conversion.contact?.description ?? "")'s account"),
        (conversion.contact, "to its contact"),
      ]
    for case (let target?, let why) in order where try tx.recordExists(target) {
      return (target, "\(why) \(target)")
    }
    return nil
  }

  /// The decision of the rules alone.
  private func findByRules(for email: NewEmail) throws -> ParentDecision {
    var decision = ParentDecision(parent: nil, rule: "none", detail: "no rule matched")
    let references = email.references?.split(separator: " ").map(String.init) ?? []
    let unixNow = Int64(now.timeIntervalSince1970)
    for id in references {
      guard let parent = OwnMessageID.parent(in: id, now: unixNow) else { continue }
      if try tx.recordExists(parent) {
        decision.parent = parent
        decision.rule = "references"
        decision.detail = "References carries our Message-ID \(id) for \(parent)"
        break
      }
      decision.passedOver.append("References \(id): \(parent) no longer exists")
    }
    // The replied email (for the thread link) is looked up even when References decided.
    var thread: [(header: String, id: String, email: StoredEmail)] = []
    if let inReplyTo = email.inReplyTo {
      if let replied = try tx.threadingInfo(messageID: inReplyTo) {
        thread.append(("In-Reply-To", inReplyTo, replied))
      } else {
        decision.unresolvedIDs.append(inReplyTo)
      }
    }
    if thread.isEmpty || (decision.parent == nil && thread[0].email.parent == nil) {
      let others = references.filter { $0 != email.inReplyTo }
      let stored = try storedAncestors(others)
      decision.unresolvedIDs += others.filter { id in !stored.contains { $0.id == id } }
      thread += stored.map { ("References", $0.id, $0.email) }
    }
    for (header, id, replied) in thread {
      if decision.repliedEmailID == nil { decision.repliedEmailID = replied.emailID }
      guard decision.parent == nil else { break }
      if let parent = replied.parent {
        decision.parent = parent
        decision.rule = header == "In-Reply-To" ? "in-reply-to" : "references-thread"
        decision.detail = "\(header) \(id) is email:\(replied.emailID), linked to \(parent)"
        break
      }
      decision.passedOver.append("\(header) \(id) is email:\(replied.emailID), which has no parent")
    }
    if decision.parent != nil { return decision }
    let candidates: [(String, String?)] = [
      ("from", email.from?.address), ("reply-to", email.replyTo.first?.address), ("to", email.to.first?.address),
    ]
    for (rule, address) in candidates {
      guard let address else { continue }
      if let (parent, detail) = try match(address) {
        decision.parent = parent
        decision.rule = rule
        decision.detail = "\(rule.capitalized) address \(address): \(detail)"
        return decision
      }
      decision.passedOver.append("\(rule.capitalized) address \(address): no contact, account or lead has it")
    }
    return decision
  }

  /// An email found by Message-ID, with its parent.
  typealias StoredEmail = (emailID: Int64, parent: RecordReference?)

  /// The emails among `ids` (References) that are in the store, nearest ancestor first. RFC 5322
  /// lists the parent last, but mailers disagree (nmh writes it first) and the replied email's
  /// In-Reply-To may name nothing stored (list archives rewrite it), so the stored emails' own
  /// headers decide: one that names more of the others is further down the thread. Ties keep
  /// the RFC order, later in the header first.
  private func storedAncestors(_ ids: [String]) throws -> [(id: String, email: StoredEmail)] {
    var found: [(position: Int, id: String, email: StoredEmail)] = []
    for (position, id) in ids.enumerated() where !found.contains(where: { $0.id == id }) {
      if let stored = try tx.threadingInfo(messageID: id) { found.append((position, id, stored)) }
    }
    guard found.count > 1 else { return found.map { ($0.id, $0.email) } }
    let foundIDs = Set(found.map(\.id))
    let depths = try found.map { candidate in
      let headers = try tx.threadingHeaders(emailID: candidate.email.emailID)
      return Set(headers.references + [headers.inReplyTo].compactMap { $0 }).intersection(foundIDs).count
    }
    return zip(found, depths).sorted { ($0.1, $0.0.position) > ($1.1, $1.0.position) }.map { ($0.0.id, $0.0.email) }
  }

  /// The record an address points to, and how.
  private func match(_ address: String) throws -> (RecordReference, String)? {
    let holders = try tx.addressHolders(of: address.lowercased())
    let contacts = holders[.contact] ?? []
    if let contact = contacts.first {
      let others = contacts.count > 1 ? " (first of \(contacts.count) contacts with it)" : ""
      if !isB2C, let account = contact.account {
        return (RecordReference(.account, account), "\(contact.record)\(others) works for account:\(account)")
      }
      let why = isB2C ? "B2C mode: contacts are parents themselves" : "the contact has no account"
      return (contact.record, "\(contact.record)\(others); \(why)")
    }
    if let account = holders[.account]?.first {
      return (account.record, "held by \(account.record)")
    }
    if let lead = holders[.lead]?.first {
      return (lead.record, "held by \(lead.record)")
    }
    return nil
  }
}
