import ArgumentParser
import EspoMailCore

extension EspoMail {
  /// `espomail case …`
  struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "case", abstract: "Support cases: create, list, show, assign, change status, preview distribution.",
      discussion: "A case is named by its number: 17, #17 or case:17.",
      subcommands: [Create.self, List.self, Show.self, Status.self, Assign.self, Preview.self])
  }
}

extension EspoMail.Cases {
  /// Parses `17`, `#17` or `case:17`.
  static func number(_ text: String) throws -> Int64 {
    if let number = Int64(text), number > 0 { return number }
    guard let reference = try? RecordReference(parsing: text), reference.type == .case else {
      throw EspoMailError.malformed("case number", text, accepted: "17, #17 or case:17")
    }
    return reference.id
  }
}
