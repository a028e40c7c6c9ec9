import Foundation

/// Calendar dates as the command line writes them (YYYY-MM-DD, UTC).
public enum FetchDate {
  /// Parses YYYY-MM-DD into the start of that day in UTC; nil when malformed or impossible.
  public static func parse(_ text: String) -> Date? {
    let parts = text.split(separator: "-")
    guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), (1970...9999).contains(year)
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let components = DateComponents(year: year, month: month, day: day)
    guard let date = calendar.date(from: components),
      calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
    else { return nil }
    return date
  }

  /// IMAP's SEARCH date form, such as 1-Jan-2026.
  public static func imapSearchDate(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "\(parts.day ?? 1)-\(months[max(0, min(11, (parts.month ?? 1) - 1))])-\(parts.year ?? 1970)"
  }
}
