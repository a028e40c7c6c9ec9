import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The store's timestamp form.
enum Timestamp {
  /// A date as ISO 8601 in UTC to the second, such as 2026-12-03T19:00:00Z: what Foundation's
  /// `.iso8601` style writes, made with `gmtime_r` for years 1900 to 9999 (Foundation's
  /// formatter took a tenth of a first sync's parse time, called twice a message), and by
  /// Foundation for any other year (whose calendar turns Julian before 1582).
  static func iso8601(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    guard gmtime_r(&seconds, &parts) != nil, (1900...9999).contains(Int(parts.tm_year) + 1900) else {
      return date.formatted(.iso8601)
    }
    var text = [UInt8](repeating: 0, count: 20)
    func put(_ value: Int32, at index: Int, digits: Int) {
      var value = Int(value)
      for position in stride(from: index + digits - 1, through: index, by: -1) {
        text[position] = UInt8(48 + value % 10)
        value /= 10
      }
    }
    put(parts.tm_year + 1900, at: 0, digits: 4)
    text[4] = 0x2D
    put(parts.tm_mon + 1, at: 5, digits: 2)
    text[7] = 0x2D
    put(parts.tm_mday, at: 8, digits: 2)
    text[10] = 0x54
    put(parts.tm_hour, at: 11, digits: 2)
    text[13] = 0x3A
    put(parts.tm_min, at: 14, digits: 2)
    text[16] = 0x3A
    put(parts.tm_sec, at: 17, digits: 2)
    text[19] = 0x5A
    return String(decoding: text, as: UTF8.self)
  }
}
