/// Where a filter applies.
public enum FilterScope: String, CaseIterable, Codable, Sendable {
  /// Every account's mail, at fetch time (admins only; skip only).
  case global
  /// One account's mail, at fetch time.
  case account
  /// One user's inbox, when the email is given to them.
  case user
}

/// What a matching filter does.
public enum FilterAction: String, CaseIterable, Codable, Sendable {
  /// Fetch filters: do not import. User filters: put in the user's trash.
  case skip
  /// User filters: put in one of the user's folders.
  case moveToFolder = "move-to-folder"
  /// Group-account filters: put in a group folder.
  case moveToGroupFolder = "move-to-group-folder"
  /// User filters: only mark read and/or skip the notification.
  case none

  /// The actions a scope allows.
  public static func allowed(in scope: FilterScope, groupAccount: Bool) -> [FilterAction] {
    switch scope {
    case .global: [.skip]
    case .account: groupAccount ? [.skip, .moveToGroupFolder] : [.skip]
    case .user: [.skip, .moveToFolder, .none]
    }
  }
}

/// An email filter.
public struct EmailFilter: Equatable, Sendable {
  /// Store id.
  public var id: Int64
  /// Unique name.
  public var name: String
  /// Where it applies.
  public var scope: FilterScope
  /// The account (account scope).
  public var account: String?
  /// The user (user scope).
  public var user: String?
  /// Pattern for the From address (`*` wildcards, no case).
  public var from: String?
  /// Pattern for any To or CC address.
  public var to: String?
  /// Pattern for the subject.
  public var subject: String?
  /// Phrases of which the body must contain at least one.
  public var bodyContains: [String]
  /// Phrases the body must all contain.
  public var bodyContainsAll: [String]
  /// What it does.
  public var action: FilterAction
  /// Target personal folder (move-to-folder).
  public var folder: String?
  /// Target group folder (move-to-group-folder).
  public var groupFolder: String?
  /// User filters: mark the email read.
  public var markRead: Bool
  /// User filters: no "email received" notification.
  public var skipNotification: Bool
  /// Order within its scope (first match wins).
  public var position: Int

  /// Creates a filter value.
  public init(
    id: Int64, name: String, scope: FilterScope, account: String?, user: String?, from: String?, to: String?,
    subject: String?, bodyContains: [String], bodyContainsAll: [String], action: FilterAction, folder: String?,
    groupFolder: String?, markRead: Bool, skipNotification: Bool, position: Int
  ) {
    self.id = id
    self.name = name
    self.scope = scope
    self.account = account
    self.user = user
    self.from = from
    self.to = to
    self.subject = subject
    self.bodyContains = bodyContains
    self.bodyContainsAll = bodyContainsAll
    self.action = action
    self.folder = folder
    self.groupFolder = groupFolder
    self.markRead = markRead
    self.skipNotification = skipNotification
    self.position = position
  }

  /// Whether any body criterion is set (such filters never match in the header-only pass).
  public var needsBody: Bool { !bodyContains.isEmpty || !bodyContainsAll.isEmpty }
}

/// The parts of a message filters look at.
public struct FilterSubject: Sendable {
  /// The From address.
  public var from: String?
  /// To and CC addresses.
  public var recipients: [String]
  /// The subject.
  public var subject: String
  /// Plain and HTML bodies; nil in the header-only pass.
  public var bodies: [String]?

  /// Creates a subject.
  public init(from: String?, recipients: [String], subject: String, bodies: [String]?) {
    self.from = from
    self.recipients = recipients
    self.subject = subject
    self.bodies = bodies
  }
}
