internal import CGMime
import Foundation

/// Reads RFC 5322 dates (`Date`, `Delivery-Date`) with GMime's lenient date parser.
enum DateReader {
  /// The instant `value` names; nil when it is missing or GMime cannot read it.
  static func date(_ value: String?) -> Date? {
    guard let value, !value.isEmpty, let parsed = g_mime_utils_header_decode_date(value) else {
      return nil
    }
    defer { g_date_time_unref(parsed) }
    let seconds = Double(g_date_time_to_unix(parsed))
    let fraction = Double(g_date_time_get_microsecond(parsed)) / 1_000_000
    return Date(timeIntervalSince1970: seconds + fraction)
  }
}
