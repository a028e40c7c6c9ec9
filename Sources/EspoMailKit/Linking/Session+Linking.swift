import EspoMailCore
import EspoMailStore
import Foundation

/// What `explain` shows for one email.
public struct EmailExplanation: Sendable {
  /// The email.
  public var id: Int64
  /// Its subject.
  public var subject: String
  /// Its parent now.
  public var parent: RecordReference?
  /// Every decision, oldest first.
  public var decisions: [Decision]
  /// Who was notified about it, and how (note or email-received).
  public var notified: [NotifiedUser]
}

/// One notification made about an email.
public struct NotifiedUser: Sendable {
  /// The user's login.
  public var login: String
  /// note (a followed record's stream) or email-received.
  public var kind: String
}

/// What `email link` changed.
public struct LinkResult: Sendable {
  /// The email linked by hand.
  public var email: Int64
  /// Its new parent.
  public var parent: RecordReference
  /// Replies without a parent that followed it.
  public var followed: [Int64]
}

extension Session {
  /// Why an email was linked, threaded and notified as it was. Admins, or users who may read it.
  public func explain(_ emailID: Int64) throws -> EmailExplanation {
    try store.read { tx in
      let detail = try readableEmail(emailID, tx)
      return EmailExplanation(
        id: emailID, subject: detail.summary.subject, parent: detail.summary.parent,
        decisions: try tx.decisions(emailID: emailID),
        notified: try tx.notificationsAbout(emailID: emailID).map { NotifiedUser(login: $0.login, kind: $0.kind) })
    }
  }

  /// Sets an email's parent by hand (needs `email.edit` covering it and read access to the
  /// record); replies in its thread that have no parent and that the user may edit follow.
  public func linkEmail(_ emailID: Int64, to parent: RecordReference) throws -> LinkResult {
    guard RecordType.parentTypes.contains(parent.type) else {
      throw EspoMailError.malformed("parent", parent.description, accepted: "account|contact|lead|opportunity|case:ID")
    }
    return try store.write { tx in
      _ = try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)")
      guard try tx.recordExists(parent) else { throw EspoMailError.notFound(parent.type.noun, parent.description) }
      try requireEmailAccess(.edit, emailID: emailID, tx)
      try requireReadable(parent, action: "email link \(emailID) \(parent)", tx)
      let access = EmailAccessCheck(tx: tx)
      let account = try tx.accountOf(parent)
      try tx.setParent(emailID: emailID, parent, account: account)
      try tx.addDecision(
        emailID: emailID, step: .parent, outcome: parent.description, detail: "linked by hand by \(user.login)")
      var followed: [Int64] = []
      var frontier = [emailID]
      while !frontier.isEmpty {
        // Only replies the user may edit follow, as PostgreSQL lets an agent's own role change no other.
        let replies = try tx.replies(to: frontier).filter {
          try $0.parent == nil && access.decide(userID: user.id, emailID: $0.id, .edit).allowed
        }
        for reply in replies {
          try tx.setParent(emailID: reply.id, parent, account: account)
          try tx.addDecision(
            emailID: reply.id, step: .parent, outcome: parent.description,
            detail: "follows email:\(emailID) of its thread, linked by hand by \(user.login)")
          followed.append(reply.id)
        }
        frontier = replies.map(\.id)
      }
      return LinkResult(email: emailID, parent: parent, followed: followed)
    }
  }

  /// A record's stream, if the acting user may read the record.
  public func stream(_ record: RecordReference) throws -> [StreamNote] {
    if record.type == .case { _ = try showCase(record.id) } else { _ = try showRecord(record) }
    return try store.read { tx in
      try tx.notes(record).filter { note in
        guard let emailID = note.emailID else { return true }
        return try EmailAccessCheck(tx: tx).decide(userID: user.id, emailID: emailID).allowed
      }
    }
  }

  /// The acting user's notifications.
  public func notifications(unreadOnly: Bool) throws -> [UserNotification] {
    try store.read { tx in try tx.notifications(userID: user.id, unreadOnly: unreadOnly) }
  }

  /// Marks one of the acting user's notifications (or all with nil) read; returns how many changed.
  public func readNotifications(_ id: Int64?) throws -> Int {
    try store.write { tx in
      if let id, try !tx.notificationExists(id: id, userID: user.id) {
        throw EspoMailError.notFound("notification", "\(id)", hint: "see 'espomail notification list'")
      }
      return try tx.markNotificationsRead(userID: user.id, id: id)
    }
  }

  /// An email the acting user may read; throws not-found or denied.
  func readableEmail(_ emailID: Int64, _ tx: Transaction) throws -> EmailDetail {
    let detail = try tx.emailDetail(id: emailID, viewerID: user.id).orNotFound("email", "email:\(emailID)")
    try requireEmailAccess(emailID: emailID, tx)
    return detail
  }

  /// Throws unless the acting user may take `action` (default read) on the email.
  func requireEmailAccess(_ action: ScopeAction = .read, emailID: Int64, _ tx: Transaction) throws {
    let access = try EmailAccessCheck(tx: tx).decide(userID: user.id, emailID: emailID, action)
    guard access.allowed else { throw EspoMailError.denied("\(action.rawValue) email:\(emailID)", because: access.reason) }
  }
}
