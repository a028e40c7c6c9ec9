import EspoMailCore

/// A filter as the document holds it; its place in the list is its place in its scope.
public struct FilterConfiguration: Codable, Equatable, Sendable {
  /// Unique name.
  public var name: String
  /// Where it applies.
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
  public var bodyContains: [String]
  /// All of these phrases.
  public var bodyContainsAll: [String]
  /// What it does.
  public var action: FilterAction
  /// Target personal folder.
  public var folder: String?
  /// Target group folder.
  public var groupFolder: String?
  /// Mark read (user filters).
  public var markRead: Bool
  /// No notification (user filters).
  public var skipNotification: Bool

  /// The filter's entry.
  public init(_ filter: EmailFilter) {
    name = filter.name
    scope = filter.scope
    account = filter.account
    user = filter.user
    from = filter.from
    to = filter.to
    subject = filter.subject
    bodyContains = filter.bodyContains
    bodyContainsAll = filter.bodyContainsAll
    action = filter.action
    folder = filter.folder
    groupFolder = filter.groupFolder
    markRead = filter.markRead
    skipNotification = filter.skipNotification
  }

  /// Reads an entry; lists and flags left out are empty and off.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    scope = try container.decode(FilterScope.self, forKey: .scope)
    account = try container.decodeIfPresent(String.self, forKey: .account)
    user = try container.decodeIfPresent(String.self, forKey: .user)
    from = try container.decodeIfPresent(String.self, forKey: .from)
    to = try container.decodeIfPresent(String.self, forKey: .to)
    subject = try container.decodeIfPresent(String.self, forKey: .subject)
    bodyContains = try container.decodeIfPresent([String].self, forKey: .bodyContains) ?? []
    bodyContainsAll = try container.decodeIfPresent([String].self, forKey: .bodyContainsAll) ?? []
    action = try container.decode(FilterAction.self, forKey: .action)
    folder = try container.decodeIfPresent(String.self, forKey: .folder)
    groupFolder = try container.decodeIfPresent(String.self, forKey: .groupFolder)
    markRead = try container.decodeIfPresent(Bool.self, forKey: .markRead) ?? false
    skipNotification = try container.decodeIfPresent(Bool.self, forKey: .skipNotification) ?? false
  }

  /// The filters of one scope (and account or user) form one ordered list.
  var list: FilterList { FilterList(scope: scope, account: account?.lowercased(), user: user) }

  /// The request that creates this filter.
  var request: FilterRequest {
    var request = FilterRequest(name: name, scope: scope, action: action)
    request.account = account
    request.user = user
    request.from = from
    request.to = to
    request.subject = subject
    request.bodyContains = bodyContains
    request.bodyContainsAll = bodyContainsAll
    request.folder = folder ?? groupFolder
    request.markRead = markRead
    request.skipNotification = skipNotification
    return request
  }

  private enum CodingKeys: String, CodingKey {
    case name, scope, account, user, from, to, subject
    case bodyContains = "body-contains"
    case bodyContainsAll = "body-contains-all"
    case action, folder
    case groupFolder = "group-folder"
    case markRead = "mark-read"
    case skipNotification = "skip-notification"
  }
}

/// The filters that share an order: one scope, and its account or user.
struct FilterList: Hashable {
  /// The scope.
  var scope: FilterScope
  /// The account, lower-cased (account scope).
  var account: String?
  /// The user (user scope).
  var user: String?
}
