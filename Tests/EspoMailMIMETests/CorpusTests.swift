import EspoMailMIME
import Foundation
import Testing

/// One message of the parsing corpus (`Fixtures/corpus`, made by `make_corpus.py`) and what a
/// person reads in it.
struct CorpusCase: Decodable {
  /// One expected attachment or inline part.
  struct Part: Decodable, Equatable {
    /// File name.
    var name: String
    /// Listed as inline.
    var inline: Bool
    /// Content-ID without angle brackets.
    var contentID: String?
  }
  /// The path under `corpus/`.
  var file: String
  /// The category (one per item of the parsing issue, plus `control`).
  var category: String
  /// The subject.
  var subject: String
  /// The From display name.
  var fromName: String?
  /// The From address (nil when none can be recovered).
  var fromAddress: String?
  /// Attachments and inline parts in order.
  var attachments: [Part]
  /// Text the plain body starts with.
  var body: String?
}

/// Right and wrong fields of one category.
struct CorpusTally {
  /// Fields read right.
  var right = 0
  /// Fields read wrong (every field of a message that does not parse).
  var wrong = 0
  /// Messages that did not parse at all (they would be quarantined).
  var unparsed = 0
  /// What was wrong, for the failure message.
  var misses: [String] = []
}

/// Scores `MessageParser` on the corpus: subject, From, attachments and body of every message.
enum CorpusScore {
  /// Every case of `expected.json`.
  static func cases() throws -> [CorpusCase] {
    let url = try Fixture.url("corpus/expected.json")
    return try JSONDecoder().decode([CorpusCase].self, from: Data(contentsOf: url))
  }

  /// The tally per category.
  static func run() throws -> [String: CorpusTally] {
    var tallies: [String: CorpusTally] = [:]
    for item in try cases() {
      var tally = tallies[item.category] ?? CorpusTally()
      defer { tallies[item.category] = tally }
      let fields = 3 + (item.body == nil ? 0 : 1)
      guard let message = try? MessageParser.parse(Fixture.bytes("corpus/" + item.file)) else {
        tally.wrong += fields
        tally.unparsed += 1
        tally.misses.append("\(item.file): does not parse")
        continue
      }
      func score(_ ok: Bool, _ what: String) {
        if ok { tally.right += 1 } else { tally.wrong += 1; tally.misses.append("\(item.file): \(what)") }
      }
      score(message.subject == item.subject, "subject \(message.subject.debugDescription)")
      let from = message.from.first
      score(
        from?.name == item.fromName && (from?.address ?? "") == (item.fromAddress ?? "")
          && (from != nil || item.fromName == nil),
        "from \(String(describing: from))")
      let parts = message.attachments.map { CorpusCase.Part(name: $0.filename, inline: $0.isInline, contentID: $0.contentID) }
      score(parts == item.attachments, "attachments \(parts)")
      if let body = item.body {
        let text = message.textBody ?? message.htmlBody.map(PlainText.fromHTML) ?? ""
        score(text.hasPrefix(body), "body \(String(text.prefix(60)).debugDescription)")
      }
    }
    return tallies
  }

  /// The tallies as a Markdown table, categories in a fixed order.
  static func table(_ tallies: [String: CorpusTally]) -> String {
    let order = ["split-words", "raw-8bit", "charset-names", "inline", "lenient", "addresses", "control"]
    var lines = ["| category | right | wrong | unparsed messages |", "|---|---|---|---|"]
    var total = CorpusTally()
    for name in order + tallies.keys.filter({ !order.contains($0) }).sorted() {
      guard let tally = tallies[name] else { continue }
      lines.append("| \(name) | \(tally.right) | \(tally.wrong) | \(tally.unparsed) |")
      total.right += tally.right
      total.wrong += tally.wrong
      total.unparsed += tally.unparsed
    }
    lines.append("| all | \(total.right) | \(total.wrong) | \(total.unparsed) |")
    return lines.joined(separator: "\n")
  }
}

@Test func corpusIsReadRight() throws {
  let tallies = try CorpusScore.run()
  print(CorpusScore.table(tallies))
  let misses = tallies.values.flatMap(\.misses).sorted()
  #expect(misses.isEmpty, "\(misses.joined(separator: "\n"))")
  #expect(try CorpusScore.cases().count >= 40)
}

@Test func everyPrefixAndDamagedCopyOfTheCorpusParsesOrThrowsWithoutCrashing() throws {
  for item in try CorpusScore.cases() {
    let bytes = try Fixture.bytes("corpus/" + item.file)
    for length in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 97)) {
      _ = try? MessageParser.parse(Array(bytes.prefix(length)))
      _ = try? MessageParser.parseHeaders(Array(bytes.prefix(length)))
    }
    // Line ends removed, CR alone, and every "=" or "-" turned into "?" (broken words and boundaries).
    for damaged in [
      bytes.filter { $0 != 0x0A }, bytes.map { $0 == 0x0A ? 0x0D : $0 }, bytes.map { $0 == 0x3D || $0 == 0x2D ? 0x3F : $0 },
    ] {
      _ = try? MessageParser.parse(damaged)
    }
  }
}
