import EspoMailCore
import EspoMailMIME
import Foundation
import Testing

/// The `.eml` files of `Fixtures/fuzz`: inputs that broke `FuzzMessageImport` once, and
/// hand-written hostile messages. The import of the same files is replayed in EspoMailCLITests.
private func fuzzFixtureNames() throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: Fixture.url("fuzz").path).filter { $0.hasSuffix(".eml") }.sorted()
}

/// Parses `bytes` as `parse` does; a refusal must be a data error, never a crash or another error.
private func parsesOrRefuses(_ name: String, _ parse: ([UInt8]) throws -> ParsedMessage, _ bytes: [UInt8]) -> Bool {
  do {
    _ = try parse(bytes)
    return true
  } catch let error as EspoMailError {
    #expect(error.status == .dataError, "\(name): \(error)")
  } catch {
    Issue.record("\(name): not an EspoMailError: \(error)")
  }
  return false
}

@Suite struct MIMEFuzzFixtureTests {
  @Test func everyFixtureIsThere() throws {
    #expect(try fuzzFixtureNames().count >= 10)
  }

  @Test(arguments: try fuzzFixtureNames())
  func fixtureParsesOrIsRefusedCleanly(_ name: String) throws {
    let bytes = try Fixture.bytes("fuzz/\(name)")
    _ = parsesOrRefuses(name, MessageParser.parse, bytes)
    _ = parsesOrRefuses(name, MessageParser.parseHeaders, bytes)
  }

  @Test func hostileHeadersStillGiveAMessage() throws {
    let garbage = try Fixture.parse("fuzz/eight-bit-header-garbage.eml")
    #expect(garbage.date == nil)
    #expect(!garbage.subject.isEmpty)
    let nul = try Fixture.parse("fuzz/nul-bytes.eml")
    #expect(nul.textBody != nil)
  }

  @Test func deepNestingIsCutOffNotFollowed() throws {
    let multiparts = try Fixture.parse("fuzz/deeply-nested-multiparts.eml")
    #expect(multiparts.subject == "deep")
    #expect(multiparts.textBody == nil)  // deeper than the walker follows
    let forwards = try Fixture.parse("fuzz/deeply-nested-forwards.eml")
    var depth = 0
    var message = forwards
    while let inner = message.nestedMessages.first {
      depth += 1
      message = inner
    }
    #expect(depth <= 16)
  }

  @Test func unclosedMessageIDsCannotBeWrittenBack() throws {
    let message = try Fixture.parse("fuzz/import-unclosed-message-id-auto-reply.eml")
    let id = try #require(message.messageID)
    #expect(!MessageComposer.canWrite(messageID: id))
    #expect(MessageComposer.canWrite(messageID: "<sjis-1@example.com>"))
    #expect(!MessageComposer.canWrite(messageID: "<a b@example.com>"))
  }
}
