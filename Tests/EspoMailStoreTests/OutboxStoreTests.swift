import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// The outbox, templates and own addresses (`Transaction+Outbox`).
@Suite struct OutboxStoreTests {
  /// Queues a message; returns its id (nil when the key was queued before).
  @discardableResult
  private func enqueue(
    _ tx: Transaction, key: String, kind: OutboxKind = .autoReply, accountID: Int64? = nil, answering: Int64? = nil,
    to recipients: [String] = ["jane@acme.example"]
  ) throws -> Int64? {
    try tx.enqueueOutbox(
      key: key, kind: kind, accountID: accountID, emailID: nil, inReplyTo: answering, mailFrom: "desk@example.com",
      recipients: recipients, raw: Array("Subject: hi\r\n\r\nhi\r\n".utf8))
  }

  @Test("a key is queued once: a retry of the same intent finds nothing new to send")
  func enqueueOncePerKey() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try #require(try enqueue(tx, key: "reply:1"))
      #expect(try enqueue(tx, key: "reply:1") == nil)
      #expect(try enqueue(tx, key: "reply:2") != nil)
      let entry = try #require(try tx.queuedEntry(id: id))
      #expect(
        (entry.key, entry.kind, entry.mailFrom, entry.recipients, entry.status) == (
          "reply:1", .autoReply, "desk@example.com", ["jane@acme.example"], .queued
        ))
      #expect(entry.raw == Array("Subject: hi\r\n\r\nhi\r\n".utf8))
    }
  }

  @Test("claiming is exclusive: a second claim of the same message returns false")
  func claimIsExclusive() throws {
    let scratch = try ScratchStore()
    let id = try #require(try scratch.write { tx in try enqueue(tx, key: "reply:1") })
    #expect(try scratch.write { tx in try tx.claimOutboxEntry(id: id) })
    #expect(try !scratch.write { tx in try tx.claimOutboxEntry(id: id) })
    #expect(try scratch.read { try $0.queuedEntry(id: id) } == nil)
    let message = try #require(try scratch.read { try $0.outboxMessage(id: id) })
    #expect((message.status, message.attempts) == (.sending, 1))
    #expect(try !scratch.write { tx in try tx.claimOutboxEntry(id: id + 1) })
  }

  @Test("finishing records sent with a time, or failed with the error; a failed one can be requeued and claimed again")
  func finishAndRequeue() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let sent = try #require(try enqueue(tx, key: "a"))
      let failed = try #require(try enqueue(tx, key: "b"))
      for id in [sent, failed] { #expect(try tx.claimOutboxEntry(id: id)) }
      try tx.finishOutboxEntry(id: sent, error: nil)
      try tx.finishOutboxEntry(id: failed, error: "550 no such user")
      let done = try #require(try tx.outboxMessage(id: sent))
      #expect((done.status, done.lastError) == (.sent, nil))
      #expect(done.sentAt != nil)
      let refused = try #require(try tx.outboxMessage(id: failed))
      #expect((refused.status, refused.lastError, refused.sentAt) == (.failed, "550 no such user", nil))
      #expect(try !tx.requeueOutboxEntry(id: sent))  // sent mail is never queued again
      #expect(try tx.requeueOutboxEntry(id: failed))
      #expect(try !tx.requeueOutboxEntry(id: failed))  // queued already
      #expect(try tx.claimOutboxEntry(id: failed))
      #expect(try tx.outboxMessage(id: failed)?.attempts == 2)
    }
  }

  @Test("a claimed message whose sending was never confirmed can be requeued")
  func requeueSending() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let id = try #require(try enqueue(tx, key: "a"))
      #expect(try tx.claimOutboxEntry(id: id))
      #expect(try tx.requeueOutboxEntry(id: id))
      #expect(try tx.queuedEntry(id: id) != nil)
    }
  }

  @Test("queued messages answering emails, of one kind, oldest first; claimed ones are left out")
  func queuedAnswering() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.seedAccount(StoreSamples.account("support"))
      let fetched = try tx.insertEmail(StoreSamples.email("f@x"))
      let other = try tx.insertEmail(StoreSamples.email("o@x"))
      try tx.addEmailAccount(emailID: fetched, accountID: account)
      let first = try #require(try enqueue(tx, key: "1", answering: fetched))
      let claimed = try #require(try enqueue(tx, key: "2", answering: fetched))
      let notice = try #require(try enqueue(tx, key: "3", kind: .notification, answering: fetched))
      let elsewhere = try #require(try enqueue(tx, key: "4", answering: other))
      #expect(try tx.claimOutboxEntry(id: claimed))
      #expect(try tx.queuedOutbox(kind: .autoReply, answering: [fetched]).map(\.id) == [first])
      #expect(try tx.queuedOutbox(kind: .autoReply, answering: [other, fetched]).map(\.id) == [first, elsewhere])
      #expect(try tx.queuedOutbox(kind: .autoReply, answering: []).isEmpty)
      #expect(try tx.queuedOutbox(kind: .notification, answering: [fetched]).map(\.id) == [notice])
      #expect(try tx.queuedOutbox(kind: .autoReply, answeringMailOf: account).map(\.id) == [first])
    }
  }

  @Test("outbox listing: newest first, by status, at most the limit, with the account's name")
  func outboxMessages() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let account = try tx.seedAccount(StoreSamples.account("support"))
      let ids = try (1...4).map { try #require(try enqueue(tx, key: "\($0)", accountID: account)) }
      #expect(try tx.claimOutboxEntry(id: ids[1]))
      #expect(try tx.outboxMessages(status: nil, limit: 10).map(\.id) == ids.reversed())
      #expect(try tx.outboxMessages(status: nil, limit: 2).map(\.id) == [ids[3], ids[2]])
      #expect(try tx.outboxMessages(status: .sending, limit: 10).map(\.id) == [ids[1]])
      #expect(try tx.outboxMessages(status: .failed, limit: 10).isEmpty)
      #expect(try tx.outboxMessage(id: ids[0])?.account == "support")
      #expect(try tx.outboxMessage(id: 999) == nil)
    }
  }

  @Test("auto-replies counted per recipient without case since a time; failed ones and other kinds do not count")
  func autoRepliesSent() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try enqueue(tx, key: "1", to: ["jane@acme.example"])
      try enqueue(tx, key: "2", to: ["Jane@Acme.example"])
      let failed = try #require(try enqueue(tx, key: "3", to: ["jane@acme.example"]))
      try enqueue(tx, key: "4", kind: .user, to: ["jane@acme.example"])
      try enqueue(tx, key: "5", to: ["bob@acme.example"])
      try enqueue(tx, key: "6", to: ["jane@acme.example", "bob@acme.example"])
      #expect(try tx.claimOutboxEntry(id: failed))
      try tx.finishOutboxEntry(id: failed, error: "refused")
      #expect(try tx.autoRepliesSent(to: "JANE@acme.example", since: "2000-01-01T00:00:00Z") == 2)
      #expect(try tx.autoRepliesSent(to: "jane@acme.example", since: "2999-01-01T00:00:00Z") == 0)
    }
  }

  @Test("templates: unique names without case, listed by name")
  func templates() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let thanks = Template(id: 0, name: "Thanks", subject: "Re: {{subject}}", body: "<p>Thanks</p>", isHTML: true)
      let id = try tx.insertTemplate(thanks)
      _ = try tx.insertTemplate(Template(id: 0, name: "Away", subject: "Away", body: "Away", isHTML: false))
      #expect(throws: EspoMailError.self) {
        try tx.insertTemplate(Template(id: 0, name: "THANKS", subject: "", body: "", isHTML: false))
      }
      #expect(
        try tx.template(name: "thanks")
          == Template(id: id, name: "Thanks", subject: "Re: {{subject}}", body: "<p>Thanks</p>", isHTML: true))
      #expect(try tx.templates().map(\.name) == ["Away", "Thanks"])
      #expect(try tx.template(name: "none") == nil)
    }
  }

  @Test("an email's status is set for outgoing mail")
  func setEmailStatus() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let viewer = try tx.seedUser("alice")
      var draft = StoreSamples.email("a@x")
      draft.status = .sending
      let id = try tx.insertEmail(draft)
      try tx.setEmailStatus(emailID: id, .sent)
      #expect(try tx.emailDetail(id: id, viewerID: viewer)?.summary.status == .sent)
    }
  }

  @Test("own addresses: any mail account's or user's, without case; not a contact's")
  func isOwnAddress() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      try tx.seedAccount(StoreSamples.account("support", address: "Support@Example.com"))
      try tx.seedUser("alice", addresses: ["alice@example.com"])
      try tx.seedRecord(.contact, "Jane", addresses: ["jane@acme.example"])
      #expect(try tx.isOwnAddress("support@example.com"))
      #expect(try tx.isOwnAddress("ALICE@example.com"))
      #expect(try !tx.isOwnAddress("jane@acme.example"))
      #expect(try !tx.isOwnAddress("not an address"))
    }
  }
}
