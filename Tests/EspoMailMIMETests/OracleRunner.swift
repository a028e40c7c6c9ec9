import EspoMailMIME
import Foundation

/// Runs `Fixtures/oracle.py` under Debian's Python and turns both its answers and
/// `MessageParser`'s into comparable field values.
enum OracleRunner {
  /// The interpreter the oracle runs on (Debian's, not whatever is first on PATH).
  static let python = "/usr/bin/python3"
  /// The fields compared for every fixture.
  static let fields = ["subject", "from", "to", "cc", "messageID", "text", "html", "attachments"]

  /// True when the oracle's interpreter exists.
  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }

  /// True when CI demands that every external tool is present (so a missing Python fails).
  static var isRequired: Bool { ProcessInfo.processInfo.environment["ESPOMAIL_REQUIRE_MAIL_SERVERS"] == "1" }

  /// Python's view of each fixture: file name → field → canonical value.
  static func pythonFields(for names: [String]) throws -> [String: [String: String]] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = try [Fixture.url("oracle.py").path] + names.map { try Fixture.url($0).path }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let json = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
    else { throw OracleFailure(description: "oracle.py failed (status \(process.terminationStatus))") }
    return json.mapValues { entry in
      var result: [String: String] = [:]
      if let error = entry["error"] { result["error"] = "\(error)" }
      result["subject"] = entry["subject"] as? String ?? ""
      for key in ["from", "to", "cc"] {
        let pairs = entry[key] as? [[Any]] ?? []
        result[key] = pairs.map { "\($0.first as? String ?? "")|\($0.last as? String ?? "")" }.joined(separator: "\n")
      }
      result["messageID"] = optional(entry["messageID"] as? String)
      result["text"] = optional((entry["text"] as? String).map(lf))
      result["html"] = optional((entry["html"] as? String).map(lf))
      let attachments = entry["attachments"] as? [[Any]] ?? []
      result["attachments"] = attachments.map { item in
        let name = item.first as? String
        let size = item.last as? Int
        return "\(optional(name))|\(optional(size.map(String.init)))"
      }.joined(separator: "\n")
      return result
    }
  }

  /// `MessageParser`'s view of a fixture, in the same canonical form.
  static func swiftFields(_ message: ParsedMessage) -> [String: String] {
    /// One address list as "name|address" lines.
    func list(_ addresses: [MailAddress]) -> String {
      addresses.map { "\($0.name ?? "")|\($0.address)" }.joined(separator: "\n")
    }
    return [
      "subject": message.subject, "from": list(message.from), "to": list(message.to), "cc": list(message.cc),
      "messageID": optional(message.messageID), "text": optional(message.textBody.map(lf)),
      "html": optional(message.htmlBody.map(lf)),
      "attachments": message.attachments.map { "\($0.filename)|\($0.data.count)" }.joined(separator: "\n"),
    ]
  }

  /// `value`, or a marker for nil.
  private static func optional(_ value: String?) -> String { value ?? "<nil>" }

  /// `text` with CRLF line ends turned into LF (both sides are compared with LF).
  private static func lf(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }
}

/// The oracle could not be run.
struct OracleFailure: Error, CustomStringConvertible {
  /// What went wrong.
  let description: String
}
