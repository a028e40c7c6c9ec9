/// Deterministic test messages with CRLF line endings.
enum TestMessages {
  /// A message numbered `index`, with a body of about `bodySize` bytes.
  static func make(_ index: Int, bodySize: Int = 600, subject: String? = nil) -> [UInt8] {
    var text = ""
    text += "Message-ID: <test-\(index)@espomail.test>\r\n"
    text += "From: Sender \(index) <sender\(index)@example.org>\r\n"
    text += "To: support@example.com\r\n"
    text += "Subject: \(subject ?? "Test message \(index)")\r\n"
    text += "Date: Mon, 02 Sep 2024 10:00:00 +0000\r\n"
    text += "X-Seq: \(index)\r\n"
    text += "\r\n"
    var body = ""
    var line = 0
    while body.utf8.count < bodySize {
      line += 1
      body += "Line \(line) of message \(index): the quick brown fox jumps over the lazy dog.\r\n"
    }
    return Array((text + body).utf8)
  }

  /// The header block of a message made here (up to and including the blank line).
  static func header(of message: [UInt8]) -> [UInt8] {
    let separator: [UInt8] = [13, 10, 13, 10]
    for index in 0...(message.count - separator.count) where Array(message[index..<(index + 4)]) == separator {
      return Array(message[..<(index + 4)])
    }
    return message
  }
}
