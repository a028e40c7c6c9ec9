import EspoMailStore
import EspoMailTestSupport
import Foundation
import Testing

/// Threading and parent linking on real mailing-list mail: 29 LKML messages in three threads with
/// Gmane-rewritten In-Reply-To ids, a `<yes>` reference, parents named first in References and a
/// thread whose first message lies outside the slice (Fixtures/threads/lkml/README.md). Every
/// expectation is computed from the fixtures' own headers.
@Suite(.enabled(if: DovecotServer.shouldRun)) struct RealWorldThreadTests {
  @Test func repliesFetchedAfterTheirParentsFollowTheThread() throws {
    let slice = try LKMLSlice.load()
    let (lab, box, crm) = try lab()
    try lab.dovecot.deliver(slice.messages.map(\.bytes), to: box)
    #expect(try lab.fetch().status == 0)
    let stored = try storedEmails(lab, slice)
    let expected = LinkModel(slice: slice, crm: crm).outcomes(importedIn: slice.messages)

    let replied = try repliedLinks(lab, stored)
    for message in slice.messages {
      let email = try #require(stored[message.messageID])
      let want = try #require(expected[message.messageID])
      #expect(email.parent == want.parent, "\(message.name) \(message.messageID)")
      let decision = try parentDecisions(lab, email.id)
      #expect(decision.count == 1, "\(message.name): one parent decision")
      let detail = decision.first ?? ""
      #expect(detail.hasPrefix(want.rule + ":"), "\(message.name): \(detail)")
      // Which email it follows, and the replied link (which also flags that email replied). Some
      // messages name their parent after a malformed id (`<yes>`) in References: it must count.
      if let via = want.via, let viaID = stored[via.messageID]?.id {
        #expect(detail.contains("\(via.header) \(via.messageID) is email:\(viaID)"), "\(message.name): \(detail)")
      }
      #expect(replied[message.messageID] == slice.parent(of: message), "the email \(message.name) replies to")
    }
    #expect(slice.messages.contains { slice.hidesParentBehindBareID($0) }, "a parent named after a malformed id")

    // Whole threads, from the headers alone: when a thread's first message is linked, every
    // message of the thread has its parent, whoever wrote it and however it names its parent.
    var linkedRoots = 0
    for (root, members) in slice.threads {
      guard let rootParent = stored[root]?.parent else { continue }
      linkedRoots += 1
      for member in members {
        #expect(stored[member.messageID]?.parent == rootParent, "\(member.name) in the thread of \(root)")
      }
    }
    #expect(linkedRoots > 0)
    let referencesOnly = slice.messages.filter { slice.parent(of: $0) != nil && !slice.contains($0.inReplyTo) }
    #expect(referencesOnly.contains { stored[$0.messageID]?.parent != nil }, "a reply threaded by References alone")
    #expect(slice.messages.contains { crm.holder(of: $0.from) == nil && slice.parent(of: $0) != nil })
    #expect(Set(expected.values.map(\.rule)).isSuperset(of: ["in-reply-to", "references-thread", "from"]))

    try expectStreams(lab, crm, expected)

    // The same messages delivered again are merged, never imported twice.
    try lab.dovecot.deliver(slice.messages.map(\.bytes), to: box)
    let again = try lab.fetch()
    #expect(again.accounts["lkml"]?["new"] as? Int == 0)
    #expect(again.accounts["lkml"]?["merged"] as? Int == slice.messages.count)
    #expect(try storedEmails(lab, slice).count == slice.messages.count)
  }

  @Test func repliesFetchedBeforeTheirParents() throws {
    let slice = try LKMLSlice.load()
    let (lab, box, crm) = try lab()
    // Newest first: every reply reaches the store before the messages it answers.
    try lab.dovecot.deliver(slice.messages.reversed().map(\.bytes), to: box)
    #expect(try lab.fetch().status == 0)
    let stored = try storedEmails(lab, slice)
    let model = LinkModel(slice: slice, crm: crm)

    // At import nothing of its thread was stored yet, so each first decision is by address (or
    // none), and roots linked by their sender are linked as in date order.
    let atImport = model.outcomes(importedIn: slice.messages.reversed())
    for message in slice.messages {
      let detail = try parentDecisions(lab, try #require(stored[message.messageID]).id).first ?? ""
      #expect(detail.hasPrefix(try #require(atImport[message.messageID]).rule + ":"), "\(message.name): \(detail)")
    }
    let inDateOrder = model.outcomes(importedIn: slice.messages)
    for root in slice.threads.keys {
      #expect(stored[root]?.parent == inDateOrder[root]?.parent, "root \(root)")
    }

    // Once the whole thread is stored, the outcome does not depend on the order the messages
    // arrived in: each reply was threaded when the email it answers arrived, and took its parent.
    let replied = try repliedLinks(lab, stored)
    for message in slice.messages {
      #expect(stored[message.messageID]?.parent == inDateOrder[message.messageID]?.parent, "\(message.name)")
      #expect(replied[message.messageID] == slice.parent(of: message), "the email \(message.name) replies to")
    }
    let rethreaded = try slice.messages.filter { message in
      let decisions = try parentDecisions(lab, try #require(stored[message.messageID]).id)
      return decisions.count > 1 && decisions.last?.hasPrefix("thread-later:") == true
    }
    #expect(!rethreaded.isEmpty, "some replies took their parent from an email that arrived after them")
  }

  // MARK: - Lab and store views

  /// A personal account for alice and CRM records for some participants: Suresh Jayaraman (his
  /// suse.de address only) at SUSE, Timur Tabi (gmail only) at Freescale, David Howells as a lead.
  private func lab() throws -> (MailLab, String, CRMRecords) {
    let lab = try MailLab()
    let store = lab.store
    try store.json(["user", "add", "alice", "--email", "alice@example.com"])
    @discardableResult func record(_ arguments: [String]) throws -> String {
      try #require(try store.json(["crm"] + arguments).object()["record"] as? String)
    }
    let suse = try record(["account", "add", "SUSE"])
    try record(["contact", "add", "Suresh Jayaraman", "--email", "sjayaraman@suse.de", "--account", suse])
    let freescale = try record(["account", "add", "Freescale"])
    try record(["contact", "add", "Timur Tabi", "--email", "timur.tabi@gmail.com", "--account", freescale])
    let david = try record(["lead", "add", "David Howells", "--email", "dhowells@redhat.com"])
    let box = try lab.mailbox("lkml")
    #expect(lab.addAccount("lkml", mailbox: box, kind: ["--personal", "--owner", "alice"]).status == 0)
    let crm = CRMRecords(byAddress: [
      "sjayaraman@suse.de": suse, "timur.tabi@gmail.com": freescale, "dhowells@redhat.com": david,
    ])
    return (lab, box, crm)
  }

  /// Every stored email by Message-ID.
  private func storedEmails(_ lab: MailLab, _ slice: LKMLSlice) throws -> [String: StoredEmail] {
    let list = try lab.store.json(["email", "list", "--limit", "1000"]).array()
    #expect(Set(list.compactMap { $0["messageId"] as? String }).count == list.count, "no duplicates")
    var byMessageID: [String: StoredEmail] = [:]
    for email in list {
      guard let messageID = email["messageId"] as? String, let id = email["id"] as? Int else { continue }
      byMessageID[messageID] = StoredEmail(id: Int64(id), parent: email["parent"] as? String)
    }
    #expect(Set(byMessageID.keys) == Set(slice.messages.map(\.messageID)))
    return byMessageID
  }

  /// The details of an email's parent decisions, oldest first, as `explain` shows them.
  private func parentDecisions(_ lab: MailLab, _ id: Int64) throws -> [String] {
    let decisions = try lab.store.json(["explain", "\(id)"]).object()["decisions"] as? [[String: Any]] ?? []
    return decisions.filter { $0["step"] as? String == "parent" }.compactMap { $0["detail"] as? String }
  }

  /// The Message-ID each email's replied link points at (the link also flags that email replied).
  /// `email show` shows neither, so this reads the store.
  private func repliedLinks(_ lab: MailLab, _ stored: [String: StoredEmail]) throws -> [String: String] {
    let store = try Store(openingAt: lab.store.path)
    let messageIDs = Dictionary(uniqueKeysWithValues: stored.map { ($0.value.id, $0.key) })
    var replied: [String: String] = [:]
    for (messageID, email) in stored {
      for reply in try store.read({ tx in try tx.replies(to: [email.id]) }) {
        if let child = messageIDs[reply.id] { replied[child] = messageID }
      }
    }
    return replied
  }

  /// Each linked record's stream holds one note per email linked to it.
  private func expectStreams(_ lab: MailLab, _ crm: CRMRecords, _ expected: [String: LinkOutcome]) throws {
    for record in Set(crm.byAddress.values) {
      let linked = expected.values.filter { $0.parent == record }.count
      #expect(try lab.store.json(["stream", "show", record]).array().count == linked, "stream of \(record)")
    }
  }
}

/// An email as `email list` shows it.
private struct StoredEmail {
  var id: Int64
  var parent: String?
}

/// The CRM records that hold participants' addresses (lower case).
private struct CRMRecords {
  var byAddress: [String: String]

  /// The record an address links to (contacts were created with their account, so: the account).
  func holder(of address: String?) -> String? { address.flatMap { byAddress[$0] } }
}

/// Why an email gets its parent: the rule `explain` names and, for thread rules, the header and
/// Message-ID of the stored email it follows.
private struct LinkOutcome {
  var parent: String?
  var rule: String
  var via: (header: String, messageID: String)?
}

/// The linking rules (Docs/architecture.md) applied to the fixture headers: the parent of the
/// email named by In-Reply-To, else of the nearest stored email named by References, else the
/// record holding the From, first Reply-To or first To address.
private struct LinkModel {
  let slice: LKMLSlice
  let crm: CRMRecords

  /// What each message gets when the messages are imported in this order.
  func outcomes(importedIn order: some Sequence<LKMLMessage>) -> [String: LinkOutcome] {
    var outcomes: [String: LinkOutcome] = [:]
    for message in order {
      var outcome: LinkOutcome?
      if let inReplyTo = message.inReplyTo, let parent = outcomes[inReplyTo]?.parent {
        outcome = LinkOutcome(parent: parent, rule: "in-reply-to", via: ("In-Reply-To", inReplyTo))
      } else if let nearest = slice.ancestors(of: message).first(where: {
        $0 != message.inReplyTo && outcomes[$0]?.parent != nil
      }) {
        outcome = LinkOutcome(parent: outcomes[nearest]?.parent, rule: "references-thread", via: ("References", nearest))
      } else {
        let candidates = [("from", message.from), ("reply-to", message.replyTo), ("to", message.to)]
        if let (rule, address) = candidates.first(where: { crm.holder(of: $0.1) != nil }) {
          outcome = LinkOutcome(parent: crm.holder(of: address), rule: rule)
        }
      }
      outcomes[message.messageID] = outcome ?? LinkOutcome(parent: nil, rule: "none")
    }
    return outcomes
  }
}

/// One fixture and the headers threading needs.
private struct LKMLMessage {
  var name: String
  var bytes: [UInt8]
  var messageID: String
  var inReplyTo: String?
  var references: [String]
  var from: String?
  var replyTo: String?
  var to: String?
  var date: Date
}

/// The fixtures in date order, and the thread structure their headers describe.
private struct LKMLSlice {
  let messages: [LKMLMessage]
  private let byID: [String: LKMLMessage]

  init(messages: [LKMLMessage]) {
    self.messages = messages
    byID = Dictionary(uniqueKeysWithValues: messages.map { ($0.messageID, $0) })
  }

  static func load() throws -> LKMLSlice {
    let bundled = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let directory = bundled.appendingPathComponent("threads/lkml")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }
    let messages = try names.map { name in
      try LKMLMessage(name: name, bytes: [UInt8](Data(contentsOf: directory.appendingPathComponent(name))))
    }
    let slice = LKMLSlice(messages: messages.sorted { $0.date < $1.date })
    // In date order every message comes after all the messages it names.
    for (index, message) in slice.messages.enumerated() {
      let earlier = Set(slice.messages[..<index].map(\.messageID))
      #expect(Set(slice.ancestors(of: message)).isSubset(of: earlier), "\(message.name) is dated before its parent")
    }
    return slice
  }

  /// Whether a Message-ID belongs to the slice.
  func contains(_ messageID: String?) -> Bool { messageID.map { byID[$0] != nil } ?? false }

  /// The slice's messages named by In-Reply-To or References: all ancestors, nearest first (the
  /// one that names the most messages of the slice is deepest in the thread).
  func ancestors(of message: LKMLMessage) -> [String] {
    named(by: message).sorted { depth($0) > depth($1) }
  }

  /// GMime's References parser drops every id after one without '@' (the CIFS series' `<yes>`),
  /// so espomail cannot see a parent named only after it (and rewritten in In-Reply-To).
  /// Whether a message names its parent in References only after an id without `@`.
  func hidesParentBehindBareID(_ message: LKMLMessage) -> Bool {
    guard let parent = parent(of: message), parent != message.inReplyTo,
      let bare = message.references.firstIndex(where: { !$0.contains("@") })
    else { return false }
    return !message.references[...bare].contains(parent)
  }

  /// The message this one answers, from its headers: In-Reply-To when it names a message of the
  /// slice (Gmane rewrote many), else the nearest ancestor in References.
  func parent(of message: LKMLMessage) -> String? {
    if let inReplyTo = message.inReplyTo, contains(inReplyTo) { return inReplyTo }
    return ancestors(of: message).first
  }

  /// First message of each thread of the slice, and the thread's other messages.
  var threads: [String: [LKMLMessage]] {
    var threads: [String: [LKMLMessage]] = [:]
    for message in messages {
      var root = message
      while let parent = parent(of: root).flatMap({ byID[$0] }) { root = parent }
      if root.messageID != message.messageID { threads[root.messageID, default: []].append(message) }
    }
    return threads
  }

  private func depth(_ messageID: String) -> Int { byID[messageID].map { named(by: $0).count } ?? 0 }

  private func named(by message: LKMLMessage) -> [String] {
    var named: [String] = []
    for id in [message.inReplyTo].compactMap({ $0 }) + message.references where contains(id) && !named.contains(id) {
      named.append(id)
    }
    return named
  }
}

extension LKMLMessage {
  /// Reads the fields threading needs with a deliberately tiny parser: unfolded header lines,
  /// `<...>` ids, the bracketed or bare address of each comma-separated (quote-aware) entry.
  init(name: String, bytes: [UInt8]) throws {
    var fields: [String: String] = [:]
    var last: String?
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      if line.isEmpty { break }
      if line.first == " " || line.first == "\t", let key = last {
        fields[key, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
      } else if let colon = line.firstIndex(of: ":") {
        let key = line[..<colon].lowercased()
        if fields[key] == nil { fields[key] = String(line[line.index(after: colon)...]) }
        last = key
      }
    }
    self.name = name
    self.bytes = bytes
    messageID = try #require(Self.ids(fields["message-id"]).first, "\(name) has no Message-ID")
    inReplyTo = Self.ids(fields["in-reply-to"]).first
    references = Self.ids(fields["references"])
    from = Self.addresses(fields["from"]).first
    replyTo = Self.addresses(fields["reply-to"]).first
    to = Self.addresses(fields["to"]).first
    let format = DateFormatter()
    format.locale = Locale(identifier: "en_US_POSIX")
    format.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
    date = try #require(format.date(from: (fields["date"] ?? "").trimmingCharacters(in: .whitespaces)), "\(name) Date")
  }

  private static func ids(_ value: String?) -> [String] {
    var ids: [String] = []
    var rest = Substring(value ?? "")
    while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
      ids.append(String(rest[open...close]))
      rest = rest[rest.index(after: close)...]
    }
    return ids
  }

  private static func addresses(_ value: String?) -> [String] {
    var entries: [String] = []
    var current = ""
    var quoted = false
    for character in value ?? "" {
      if character == "\"" { quoted.toggle() }
      if character == ",", !quoted {
        entries.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    entries.append(current)
    return entries.compactMap { entry in
      if let open = entry.lastIndex(of: "<"), let close = entry[open...].firstIndex(of: ">") {
        return entry[entry.index(after: open)..<close].lowercased()
      }
      let bare = entry.trimmingCharacters(in: .whitespaces)
      return bare.contains("@") && !bare.contains(" ") ? bare.lowercased() : nil
    }
  }
}
