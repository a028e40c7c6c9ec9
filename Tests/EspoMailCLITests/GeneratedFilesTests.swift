import EspoMailCLI
import EspoMailSecrets
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

  /// The manual pages are made by swift-argument-parser's generator (`bash man/generate.sh`), which
  /// cannot run inside the tests: they record the hash of the help they were made from instead.
  @Test func theManualPagesAreMadeFromTheCurrentHelp() throws {
    let man = Self.root.appendingPathComponent("man")
    let recorded = try String(contentsOf: man.appendingPathComponent("help.sha256"), encoding: .utf8)
    let current = Digest.sha256Hex(Array((EspoMail._dumpHelp() + "\n").utf8))
    #expect(
      recorded.trimmingCharacters(in: .whitespacesAndNewlines) == current,
      "the manual pages in man/ are out of date: run bash man/generate.sh")
    let pages = Set(try FileManager.default.contentsOfDirectory(atPath: man.path).filter { $0.hasSuffix(".1") })
    let expected = Set(GeneratedFiles.commandPaths().map { (["espomail"] + $0).joined(separator: ".") + ".1" })
    #expect(expected.subtracting(pages).isEmpty, "commands without a manual page")
    #expect(pages.subtracting(expected).subtracting(["espomail.help.1"]).isEmpty, "pages of commands that are gone")
  }

  /// CI runs what the README tells a developer to run: `.ci/run`'s last command is the README's
  /// test command, the one code block under "Run the whole test suite".
  @Test func continuousIntegrationRunsTheREADMEsTestCommand() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "Run the whole test suite"))
    let block = try #require(readme[section.upperBound...].range(of: "```sh\n"))
    let end = try #require(readme[block.upperBound...].range(of: "\n```"))
    let testCommand = String(readme[block.upperBound..<end.lowerBound])
    #expect(!testCommand.contains("\n"), "the README's test command is one line")
    let script = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
    let lastCommand = script.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(lastCommand.map(String.init) == testCommand, ".ci/run must end by running the README's test command")
  }
}
