import EspoMailCLI
import Foundation
import Testing

/// Completions and reference docs are generated from the command tree; this fails when the
/// committed copies are stale. `ESPOMAIL_RECORD=1 swift test --filter GeneratedFiles` rewrites them.
@Suite struct GeneratedFilesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test(arguments: GeneratedFiles.all().keys.sorted())
  func generatedFileIsCurrent(_ path: String) throws {
    let url = Self.root.appendingPathComponent(path)
    let expected = try #require(GeneratedFiles.all()[path])
    if ProcessInfo.processInfo.environment["ESPOMAIL_RECORD"] == "1" {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try expected.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let committed = try? String(contentsOf: url, encoding: .utf8)
    #expect(
      committed == expected,
      "\(path) is out of date: run ESPOMAIL_RECORD=1 swift test --filter GeneratedFiles")
  }

  @Test func theCommandReferenceNamesEachCommandOnce() {
    let headings = GeneratedFiles.all()["Docs/commands.md", default: ""].split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(headings.count > 100)
    #expect(Set(headings).count == headings.count, "a command's section is repeated")
  }
}
