import EspoMailTestSupport
import Foundation
import Testing

/// Golden files of `--format json` output: each command's stdout, with the values that change from
/// run to run normalised, is compared byte for byte with `Fixtures/golden-json/NAME.json`.
/// `ESPOMAIL_RECORD=1 swift test --filter GoldenJSON` rewrites the files instead.
enum GoldenJSON {
  /// The folder of the golden files in the source tree.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/golden-json")

  /// Whether this run rewrites the golden files instead of comparing.
  static var isRecording: Bool { ProcessInfo.processInfo.environment["ESPOMAIL_RECORD"] == "1" }

  /// The names of the committed golden files, without `.json`.
  static func committedNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
      .map { String($0.dropLast(".json".count)) }.sorted()
  }

  /// Checks one run: its exit status, then its stdout (normalised) against the golden file `name`;
  /// `replacing` maps run-dependent strings (paths, ports, mailbox names) to placeholders.
  static func check(
    _ name: String, _ result: CommandResult, status: Int32 = 0, replacing: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    #expect(result.status == status, "\(name): exited \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(!result.stdout.isEmpty, "\(name): printed nothing", sourceLocation: sourceLocation)
    let actual = RunDependentValues.normalised(result.stdout, replacing: replacing)
    let url = folder.appendingPathComponent(name + ".json")
    if isRecording {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("\(name).json is missing: run ESPOMAIL_RECORD=1 swift test --filter GoldenJSON", sourceLocation: sourceLocation)
      return
    }
    #expect(
      actual == expected,
      "\(name).json differs at \(firstDifference(actual, expected)); if the change is meant, run ESPOMAIL_RECORD=1 swift test --filter GoldenJSON",
      sourceLocation: sourceLocation)
  }

  /// The first line where two texts differ, both versions shown.
  private static func firstDifference(_ actual: String, _ expected: String) -> String {
    let got = actual.components(separatedBy: "\n")
    let want = expected.components(separatedBy: "\n")
    for index in 0..<max(got.count, want.count) {
      let line = index < got.count ? got[index] : "<end>"
      let wanted = index < want.count ? want[index] : "<end>"
      if line != wanted { return "line \(index + 1): got \(line.debugDescription), expected \(wanted.debugDescription)" }
    }
    return "no line (same text)"
  }
}

/// The values of a JSON output that differ between runs, replaced by fixed placeholders so the rest
/// can be compared byte for byte. Nothing is dropped: a key keeps its place and a null stays null.
enum RunDependentValues {
  /// `text` with: the given strings replaced (longest first); every timestamp or date within a day
  /// of now as `<now>` or `<today>` (mail dates in the fixtures are years away, so they stay);
  /// espomail's own Message-IDs with their time and random part as `<unixtime>` and `<random>`;
  /// `durationSeconds` as `<seconds>`; curl's connect time ("after 3 ms") as `<n>`.
  static func normalised(_ text: String, replacing: [String: String] = [:]) -> String {
    var text = text
    for (value, placeholder) in replacing.sorted(by: { $0.key.count > $1.key.count }) where !value.isEmpty {
      text = text.replacingOccurrences(of: value, with: placeholder)
    }
    text = replacingRecentTimes(in: text)
    text = replace(#"espomail\.((?:[a-z]+\.[0-9]+\.)?)[0-9]+\.[A-Za-z0-9]+@"#, in: text, with: "espomail.$1<unixtime>.<random>@")
    text = replace(#""durationSeconds" : [0-9.e+-]+"#, in: text, with: #""durationSeconds" : <seconds>"#)
    text = replace(#"after [0-9]+ ms"#, in: text, with: "after <n> ms")
    return text
  }

  /// Replaces ISO 8601 timestamps (`2026-12-03T21:15:29Z`, fractions allowed) and `YYYY-MM-DD`
  /// dates within a day of now: they were made by the run.
  private static func replacingRecentTimes(in text: String) -> String {
    let now = Date()
    let timestamp = ISO8601DateFormatter()
    let result = NSMutableString(string: text)
    let pattern = #"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z"#
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
    for match in expression.matches(in: text, range: NSRange(location: 0, length: result.length)).reversed() {
      let value = result.substring(with: match.range)
      let whole = value.replacingOccurrences(of: #"\.[0-9]+"#, with: "", options: .regularExpression)
      guard let date = timestamp.date(from: whole), abs(date.timeIntervalSince(now)) < 86_400 else { continue }
      result.replaceCharacters(in: match.range, with: "<now>")
    }
    let day = DateFormatter()
    day.locale = Locale(identifier: "en_US_POSIX")
    day.timeZone = TimeZone(identifier: "UTC")
    day.dateFormat = "yyyy-MM-dd"
    var normalised = result as String
    for offset in [-86_400.0, 0, 86_400] {
      let recent = day.string(from: now.addingTimeInterval(offset))
      normalised = normalised.replacingOccurrences(of: "\"\(recent)\"", with: "\"<today>\"")
    }
    return normalised
  }

  /// `text` with every match of `pattern` replaced by `template` (`$1` for a group).
  private static func replace(_ pattern: String, in text: String, with template: String) -> String {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
    return expression.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
  }
}
