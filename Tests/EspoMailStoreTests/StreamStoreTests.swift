import EspoMailCore
import EspoMailStore
import EspoMailTestSupport
import Testing

/// Stream notes, notifications and decision traces (`Transaction+Stream`).
@Suite struct StreamStoreTests {
  @Test("a note is added once per record, email and kind; notes without an email always")
  func notesOncePerEmail() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let other = try tx.seedRecord(.account, "Other")
      let email = try tx.insertEmail(StoreSamples.email("a@x", subject: "Printer", from: "jane@acme.example"))
      let first = try #require(try tx.addNote(acme, kind: .emailReceived, emailID: email, isInitial: true))
      #expect(try tx.addNote(acme, kind: .emailReceived, emailID: email) == nil)
      #expect(try tx.addNote(acme, kind: .emailSent, emailID: email) != nil)
      #expect(try tx.addNote(other, kind: .emailReceived, emailID: email) != nil)
      #expect(try tx.addNote(acme, kind: .post, emailID: nil) != nil)
      #expect(try tx.addNote(acme, kind: .post, emailID: nil) != nil)
      let notes = try tx.notes(acme)
      #expect(notes.map(\.kind) == ["post", "post", "email-sent", "email-received"])
      let received = try #require(notes.last)
      #expect(
        (received.id, received.emailID, received.subject, received.from, received.isInitial) == (
          first, email, "Printer", "jane@acme.example", true
        ))
      #expect(try tx.notes(acme, limit: 1).count == 1)
    }
  }

  @Test("isNewEmail skips the once-only check, for an email stored in the same transaction")
  func newEmailSkipsTheCheck() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let acme = try tx.seedRecord(.account, "Acme")
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      #expect(try tx.addNote(acme, kind: .emailReceived, emailID: email, isNewEmail: true) != nil)
      #expect(try tx.addNote(acme, kind: .emailReceived, emailID: email, isNewEmail: true) != nil)
      #expect(try tx.notes(acme).count == 2)
    }
  }

  @Test("a user is notified once per email and kind; notifications without an email always")
  func notifyOncePerEmailAndKind() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      let acme = try tx.seedRecord(.account, "Acme")
      let email = try tx.insertEmail(StoreSamples.email("a@x"))
      #expect(try tx.notify(userID: alice, kind: .emailReceived, emailID: email, message: "new mail"))
      #expect(try !tx.notify(userID: alice, kind: .emailReceived, emailID: email, message: "again"))
      #expect(try tx.notify(userID: alice, kind: .note, emailID: email, record: acme, message: "on acme"))
      #expect(try tx.notify(userID: bob, kind: .emailReceived, emailID: email, message: "new mail"))
      #expect(
        try tx.notify(userID: alice, kind: .assigned, emailID: nil, record: RecordReference(.case, 1), message: "case"))
      #expect(
        try tx.notify(userID: alice, kind: .assigned, emailID: nil, record: RecordReference(.case, 1), message: "case"))
      let mine = try tx.notifications(userID: alice, unreadOnly: false)
      #expect(mine.map(\.kind) == ["assigned", "assigned", "note", "email-received"])
      #expect(mine[2].record == acme)
      #expect(
        try tx.notificationsAbout(emailID: email).map { "\($0.login) \($0.kind)" } == [
          "alice email-received", "alice note", "bob email-received",
        ])
      #expect(try tx.notifiedEmailPairs().map { [$0.userID, $0.emailID] } == [[alice, email], [bob, email]])
    }
  }

  @Test("marking read: one notification or all of a user's, counting only those that changed")
  func markNotificationsRead() throws {
    let scratch = try ScratchStore()
    try scratch.write { tx in
      let alice = try tx.seedUser("alice")
      let bob = try tx.seedUser("bob")
      for message in ["one", "two", "three"] {
        try tx.notify(userID: alice, kind: .assigned, emailID: nil, message: message)
      }
      try tx.notify(userID: bob, kind: .assigned, emailID: nil, message: "bob's")
      let first = try #require(try tx.notifications(userID: alice, unreadOnly: true).last?.id)
      #expect(try tx.markNotificationsRead(userID: alice, id: first) == 1)
      #expect(try tx.markNotificationsRead(userID: alice, id: first) == 0)
      #expect(try tx.markNotificationsRead(userID: bob, id: first) == 0)  // not bob's
      #expect(try tx.notifications(userID: alice, unreadOnly: true).map(\.message) == ["three", "two"])
      #expect(try tx.markNotificationsRead(userID: alice, id: nil) == 2)
      #expect(try tx.notifications(userID: alice, unreadOnly: true).isEmpty)
      #expect(try tx.notifications(userID: alice, unreadOnly: false).allSatisfy(\.isRead))
      #expect(try tx.notifications(userID: bob, unreadOnly: true).count == 1)
      #expect(try tx.notificationExists(id: first, userID: alice))
      #expect(try !tx.notificationExists(id: first, userID: bob))
    }
  }
}
