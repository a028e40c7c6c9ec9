import EspoMailCore
import EspoMailKit
import EspoMailStore

/// A filter as `filter create|list|show|remove` print it: every criterion and action, unset ones null.
struct EmailFilterJSON: JSONOutput {
  /// The filter shown.
  let filter: EmailFilter

  /// Wraps a filter.
  init(_ filter: EmailFilter) { self.filter = filter }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case name = "name"
    case scope = "scope"
    case account = "account"
    case user = "user"
    case from = "from"
    case to = "to"
    case subject = "subject"
    case bodyContains = "bodyContains"
    case bodyContainsAll = "bodyContainsAll"
    case action = "action"
    case folder = "folder"
    case groupFolder = "groupFolder"
    case markRead = "markRead"
    case skipNotification = "skipNotification"
    case position = "position"
  }

  /// Writes every key, missing values as null.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(filter.id, forKey: .id)
    try json.encode(filter.name, forKey: .name)
    try json.encode(filter.scope.rawValue, forKey: .scope)
    try json.encodeOrNull(filter.account, forKey: .account)
    try json.encodeOrNull(filter.user, forKey: .user)
    try json.encodeOrNull(filter.from, forKey: .from)
    try json.encodeOrNull(filter.to, forKey: .to)
    try json.encodeOrNull(filter.subject, forKey: .subject)
    try json.encode(filter.bodyContains, forKey: .bodyContains)
    try json.encode(filter.bodyContainsAll, forKey: .bodyContainsAll)
    try json.encode(filter.action.rawValue, forKey: .action)
    try json.encodeOrNull(filter.folder, forKey: .folder)
    try json.encodeOrNull(filter.groupFolder, forKey: .groupFolder)
    try json.encode(filter.markRead, forKey: .markRead)
    try json.encode(filter.skipNotification, forKey: .skipNotification)
    try json.encode(filter.position, forKey: .position)
  }
}

/// What `filter test` prints: whether and why the filter matches, and whether the headers decide it.
struct FilterTestJSON: JSONOutput {
  /// The result shown.
  let result: FilterTestResult

  /// Wraps a result.
  init(_ result: FilterTestResult) { self.result = result }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case filter = "filter"
    case matches = "matches"
    case reason = "reason"
    case matchesOnHeaders = "matchesOnHeaders"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(result.filter, forKey: .filter)
    try json.encode(result.matches, forKey: .matches)
    try json.encode(result.reason, forKey: .reason)
    try json.encode(result.matchesOnHeaders, forKey: .matchesOnHeaders)
  }
}

/// A personal or group folder as `folder add|list` and `group-folder add|list` print it.
struct FolderJSON: JSONOutput {
  /// The folder shown.
  let folder: FolderInfo

  /// Wraps a folder.
  init(_ folder: FolderInfo) { self.folder = folder }

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case id = "id"
    case name = "name"
    case owner = "owner"
    case teams = "teams"
    case skipNotifications = "skipNotifications"
  }

  /// Writes every key, except that a group folder has no `owner` key at all: unlike every other
  /// missing value it was never printed as null, and this output may not change.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(folder.id, forKey: .id)
    try json.encode(folder.name, forKey: .name)
    try json.encodeIfPresent(folder.owner, forKey: .owner)
    try json.encode(folder.teams, forKey: .teams)
    try json.encode(folder.skipNotifications, forKey: .skipNotifications)
  }
}
