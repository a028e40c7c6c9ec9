import EspoMailCore

/// What `filter create` asks for.
public struct FilterRequest: Sendable {
  /// Unique name.
  public var name: String
  /// Scope.
  public var scope: FilterScope
  /// The account (account scope).
  public var account: String?
  /// The user (user scope).
  public var user: String?
  /// From pattern.
  public var from: String?
  /// To/CC pattern.
  public var to: String?
  /// Subject pattern.
  public var subject: String?
  /// Any of these phrases.
  public var bodyContains: [String] = []
  /// All of these phrases.
  public var bodyContainsAll: [String] = []
  /// What to do.
  public var action: FilterAction
  /// Target folder (personal for move-to-folder, group for move-to-group-folder).
  public var folder: String?
  /// Mark read (user filters).
  public var markRead = false
  /// Skip the notification (user filters).
  public var skipNotification = false

  /// Creates a request.
  public init(name: String, scope: FilterScope, action: FilterAction) {
    self.name = name
    self.scope = scope
    self.action = action
  }
}

/// What `filter test` found.
public struct FilterTestResult: Sendable {
  /// The filter.
  public var filter: String
  /// Whether it matches (with the body).
  public var matches: Bool
  /// Why, or why not.
  public var reason: String
  /// Whether it would already match on the headers alone (so the body is never downloaded).
  public var matchesOnHeaders: Bool
}

/// A saved filter and what saving it found.
public struct FilterCreation: Sendable {
  /// The filter.
  public var filter: EmailFilter
  /// Earlier filters of the same scope that match everything this one does.
  public var shadowedBy: [String]
}
