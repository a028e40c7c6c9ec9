import EspoMailCore
import EspoMailStore

/// Applies each user's inbox filters when they are given an email: the first
/// matching filter of the user decides (skip = that user's trash, move to a folder, or none), and
/// may also mark it read and skip the notification. Returns the users who must not be notified.
final class UserFilterApplier {
  private let tx: Transaction
  private var cache: [Int64: [EmailFilter]] = [:]

  /// An applier writing in `tx`, caching each user's filters.
  init(tx: Transaction) { self.tx = tx }

  /// Applies the filters of `userIDs` to an email; returns who is silenced, and why.
  func apply(emailID: Int64, subject: FilterSubject, userIDs: [Int64]) throws -> Set<Int64> {
    var silenced: Set<Int64> = []
    for userID in userIDs {
      let filters = try cache[userID] ?? tx.userFilters(userID: userID)
      cache[userID] = filters
      guard let filter = filters.first(where: { FilterMatcher.match($0, subject).matches }) else { continue }
      var effects: [String] = []
      switch filter.action {
      case .skip:
        try tx.setFlag(.trash, true, emailID: emailID, userID: userID)
        silenced.insert(userID)
        effects.append("put in the trash")
      case .moveToFolder:
        if let folderID = try tx.filterTargets(id: filter.id).folderID {
          try tx.moveToFolder(emailID: emailID, userID: userID, folderID: folderID)
          effects.append("filed in \(filter.folder ?? "a folder")")
          if try tx.folderSkipsNotifications(id: folderID) {
            silenced.insert(userID)
            effects.append("the folder skips notifications")
          }
        }
      case .none, .moveToGroupFolder:
        break
      }
      if filter.markRead {
        try tx.setFlag(.read, true, emailID: emailID, userID: userID)
        effects.append("marked read")
      }
      if filter.skipNotification {
        silenced.insert(userID)
        effects.append("no notification")
      }
      let login = try tx.userSummary(id: userID)?.login ?? "user \(userID)"
      try tx.addDecision(
        emailID: emailID, step: .filter, outcome: "\(login): \(filter.name)",
        detail: "\(FilterMatcher.match(filter, subject).reason): " + (effects.isEmpty ? "no change" : effects.joined(separator: ", ")))
    }
    return silenced
  }
}
