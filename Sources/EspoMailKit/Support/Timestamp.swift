import Foundation

/// The store's timestamp form.
enum Timestamp {
  /// A date as ISO 8601 in UTC, such as 2026-12-03T19:00:00Z.
  static func iso8601(_ date: Date) -> String { date.formatted(.iso8601) }
}
