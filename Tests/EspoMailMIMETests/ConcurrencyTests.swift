import EspoMailMIME
import Testing

/// The fields of a parse result that must not depend on which thread parsed it.
private func summary(_ message: ParsedMessage) -> String {
  let attachments = message.attachments.map { "\($0.filename)|\($0.contentType)|\($0.data.count)" }
  return [
    message.subject, message.messageID ?? "-", message.textBody ?? "-", message.htmlBody ?? "-",
    message.from.map(\.address).joined(separator: ","), attachments.joined(separator: ","),
    String(message.nestedMessages.count),
  ].joined(separator: "\n")
}

@Test func parsingIsDeterministicAcrossThreads() async throws {
  let names = try Fixture.allNames().filter { $0 != "unparseable.eml" }
  let inputs = try names.map { try Fixture.bytes($0) }
  let expected = try inputs.map { summary(try MessageParser.parse($0)) }
  let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
    for _ in 0..<8 {
      for (index, bytes) in inputs.enumerated() {
        group.addTask { (index, summary(try MessageParser.parse(bytes))) }
      }
    }
    var collected: [(Int, String)] = []
    for try await result in group { collected.append(result) }
    return collected
  }
  #expect(results.count == inputs.count * 8)
  for (index, text) in results { #expect(text == expected[index], "\(names[index])") }
}
