import EspoMailIMAP
import Foundation
import Testing

/// The fuzz fixtures: inputs that crashed `FuzzIMAPResponse` once, and hand-written hostile ones.
private enum FuzzFixture {
  /// The `Fixtures/fuzz` folder inside the test bundle.
  static func directory() throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("fuzz")
  }

  /// Every `.imap` fixture name, sorted.
  static func allNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory().path).filter { $0.hasSuffix(".imap") }.sorted()
  }

  /// The bytes of fixture `name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: directory().appendingPathComponent(name)))
  }
}

/// Reads `bytes` as a transcript; a malformed response gives its reason, anything else is recorded.
private func outcome(_ bytes: [UInt8], pieceSize: Int = .max) -> Result<IMAPTranscript, IMAPError> {
  do {
    return .success(try IMAPTranscript(reading: bytes, pieceSize: pieceSize))
  } catch let error as IMAPError {
    if case .malformedResponse = error {} else { Issue.record("not a malformed response: \(error)") }
    return .failure(error)
  } catch {
    Issue.record("not an IMAPError: \(error)")
    return .failure(.malformedResponse("\(error)"))
  }
}

@Suite struct IMAPFuzzFixtureTests {
  @Test func everyFixtureIsThere() throws {
    #expect(try FuzzFixture.allNames().count >= 10)
  }

  /// What the fuzz target checks: no crash, only malformed-response errors, and the same result
  /// however the bytes are split.
  @Test(arguments: try FuzzFixture.allNames())
  func fixtureReadsTheSameInAnyPieces(_ name: String) throws {
    let bytes = try FuzzFixture.bytes(name)
    let whole = outcome(bytes)
    for size in 1...16 {
      #expect(outcome(bytes, pieceSize: size) == whole, "\(name) in pieces of \(size)")
    }
  }

  @Test func literalLengthOverflowIsRefused() throws {
    let result = outcome(try FuzzFixture.bytes("crash-literal-length-overflow.imap"))
    #expect(result == .failure(.malformedResponse("a literal length has too many digits")))
    #expect(outcome(try FuzzFixture.bytes("literal-length-mid-line.imap")) == result)
    #expect(outcome(try FuzzFixture.bytes("literal-length-too-long.imap")) == result)
  }

  @Test func deeplyNestedListsAreRefusedNotFollowed() throws {
    let result = outcome(try FuzzFixture.bytes("crash-deeply-nested-lists.imap"))
    #expect(result == .failure(.malformedResponse("lists nested more than 128 deep")))
    let inner = String(repeating: "(", count: 127) + String(repeating: ")", count: 127)
    let nested = Array("* 1 FETCH (UID 3 X \(inner))\r\n".utf8)
    #expect(counts(outcome(nested)) == [1, 1, 0, 0])
  }

  @Test func cutShortLiteralsWaitForTheirBytes() throws {
    let truncated = try FuzzFixture.bytes("truncated-literal.imap")
    #expect(counts(outcome(truncated)) == [0, 0, 0, truncated.count])
    let huge = try FuzzFixture.bytes("huge-literal-length.imap")
    #expect(counts(outcome(huge)) == [0, 0, 0, huge.count])
  }

  @Test func literalsAreCountedIntoSections() throws {
    let stream = Array("* 1 FETCH (UID 9 BODY[] {5}\r\nab\0\r\n FLAGS ())\r\nA1 OK done\r\n".utf8)
    #expect(counts(outcome(stream)) == [2, 1, 5, 0])
  }
}

/// A transcript's counts: responses, FETCH responses, section bytes, incomplete bytes at the end.
private func counts(_ result: Result<IMAPTranscript, IMAPError>) -> [Int]? {
  guard case .success(let transcript) = result else { return nil }
  return [transcript.responseCount, transcript.fetchCount, transcript.sectionByteCount, transcript.incompleteByteCount]
}
