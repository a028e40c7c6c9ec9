import Foundation

/// Builds small RFC 5322 messages for tests.
public enum SampleMessage {
  /// A plain-text message with CRLF line ends.
  public static func make(
    id: String? = UUID().uuidString + "@test.example", from: String = "Jane Roe <jane@acme.example>",
    to: String = "support@example.com", cc: String? = nil, subject: String = "Hello",
    body: String = "Hello there.\n", date: String = "Mon, 16 Nov 2026 10:00:00 +0000", headers: [String] = []
  ) -> [UInt8] {
    var lines = ["From: \(from)", "To: \(to)"]
    if let cc { lines.append("Cc: \(cc)") }
    lines += ["Subject: \(subject)", "Date: \(date)"]
    if let id { lines.append("Message-ID: <\(id)>") }
    lines += headers
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", ""]
    let text = lines.joined(separator: "\r\n") + "\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")
    return Array(text.utf8)
  }
}

extension SampleMessage {
  /// An RFC 5322 date for `secondsAgo` before now, so mail counts as new (or old) for notifications.
  public static func date(secondsAgo: TimeInterval = 60) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: Date().addingTimeInterval(-secondsAgo))
  }
}
