import EspoMailMIME
import Foundation

/// What a composed `OutgoingMessage` should read back as, whoever parses it.
enum ComposerExpectations {
  /// A body as it comes back: LF line ends and a final line break.
  static func body(_ text: String) -> String {
    var result = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    if !result.hasSuffix("\n") { result += "\n" }
    return result
  }

  /// The MIME structure in `compose_oracle.py`'s notation, such as `multipart/mixed(text/plain,image/png)`.
  static func structure(_ message: OutgoingMessage) -> String {
    let body = message.html == nil ? "text/plain" : "multipart/alternative(text/plain,text/html)"
    guard !message.attachments.isEmpty else { return body }
    return "multipart/mixed(" + ([body] + message.attachments.map { mediaType($0.contentType) }).joined(separator: ",")
      + ")"
  }

  /// The lower-cased `type/subtype` of a content type, without parameters.
  static func mediaType(_ contentType: String) -> String {
    String(contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
  }

  /// Wire problems of a composed message: lines not ended by CRLF, lines over 998 bytes, 8-bit bytes.
  static func wireProblems(_ bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    var lineLength = 0
    for (index, byte) in bytes.enumerated() {
      if byte >= 0x80 { problems.append("8-bit byte at \(index)") }
      if byte == 0x0A, index == 0 || bytes[index - 1] != 0x0D { problems.append("bare LF at \(index)") }
      if byte == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A { problems.append("bare CR at \(index)") }
      lineLength = byte == 0x0A ? 0 : lineLength + 1
      if lineLength == 999 { problems.append("line over 998 bytes at \(index)") }
      if problems.count > 5 { break }
    }
    if !bytes.suffix(2).elementsEqual([0x0D, 0x0A]) { problems.append("no final CRLF") }
    return problems
  }
}
