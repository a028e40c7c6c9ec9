import EspoMailCore
import EspoMailStore

/// Text renderings of filters and folders.
enum FilterText {
  /// The criteria of a filter in one line.
  static func criteria(_ filter: EmailFilter) -> String {
    var parts: [String] = []
    if let from = filter.from { parts.append("from \(from)") }
    if let to = filter.to { parts.append("to \(to)") }
    if let subject = filter.subject { parts.append("subject \(subject)") }
    if !filter.bodyContains.isEmpty { parts.append("body has any of \(filter.bodyContains.joined(separator: "|"))") }
    if !filter.bodyContainsAll.isEmpty { parts.append("body has all of \(filter.bodyContainsAll.joined(separator: "&"))") }
    return parts.joined(separator: ", ")
  }

  /// The action of a filter in one line.
  static func action(_ filter: EmailFilter) -> String {
    var text = filter.action.rawValue
    if let folder = filter.folder ?? filter.groupFolder { text += " \(folder)" }
    if filter.markRead { text += ", mark read" }
    if filter.skipNotification { text += ", no notification" }
    return text
  }

  /// Where a filter applies.
  static func scope(_ filter: EmailFilter) -> String {
    switch filter.scope {
    case .global: "global"
    case .account: "account \(filter.account ?? "?")"
    case .user: "user \(filter.user ?? "?")"
    }
  }

  /// A table of filters in the order they run.
  static func filters(_ filters: [EmailFilter]) -> String {
    TextTable(
      headers: ["ORDER", "FILTER", "SCOPE", "WHEN", "THEN"],
      rows: filters.map { ["\($0.position)", $0.name, scope($0), criteria($0), action($0)] }
    ).render(empty: "no filters")
  }

  /// A table of folders.
  static func folders(_ folders: [FolderInfo]) -> String {
    TextTable(
      headers: ["FOLDER", "OWNER/TEAMS", "NOTIFICATIONS"],
      rows: folders.map {
        [$0.name, $0.owner ?? $0.teams.joined(separator: ","), $0.skipNotifications ? "skipped" : "yes"]
      }
    ).render(empty: "no folders")
  }
}
