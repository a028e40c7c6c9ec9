import EspoMailMIME
import Foundation

/// Runs `Fixtures/compose_oracle.py` under Debian's Python over composed messages and returns
/// what Python's `email` package (policy `default`) reads from each.
enum ComposeOracle {
  /// Python's reading of each message, by name: the JSON object `compose_oracle.py` prints.
  static func read(_ messages: [String: [UInt8]]) throws -> [String: [String: Any]] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "espomail-compose-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var paths: [String] = []
    for (name, bytes) in messages.sorted(by: { $0.key < $1.key }) {
      let url = directory.appendingPathComponent(name)
      try Data(bytes).write(to: url)
      paths.append(url.path)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: OracleRunner.python)
    process.arguments = try [Fixture.url("compose_oracle.py").path] + paths
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let json = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
    else { throw OracleFailure(description: "compose_oracle.py failed (status \(process.terminationStatus))") }
    return json
  }

  /// Address pairs as Python prints them, `[[name or null, address]]`, as `MailAddress` values.
  static func addresses(_ value: Any?) -> [MailAddress] {
    (value as? [[Any]] ?? []).map { pair in
      MailAddress(name: pair.first as? String, address: pair.last as? String ?? "")
    }
  }
}
