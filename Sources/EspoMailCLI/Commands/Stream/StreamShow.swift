import ArgumentParser
import EspoMailCore

extension EspoMail.Stream {
  /// `espomail stream show RECORD`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a record's stream, newest first.", discussion: "Example: espomail stream show account:3")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The record.", valueName: "TYPE:ID")) var record: String

    func run(in context: CommandContext) throws {
      let notes = try context.session().stream(try RecordReference(parsing: record))
      try context.output.result(notes.map(StreamNoteJSON.init)) {
        TextTable(
          headers: ["WHEN", "WHAT", "EMAIL", "FROM", "SUBJECT"],
          rows: notes.map {
            [
              String($0.createdAt.prefix(16)), $0.kind + ($0.isInitial ? " (initial)" : ""),
              $0.emailID.map { "\($0)" } ?? "-", $0.from.orDash, $0.subject.orDash,
            ]
          }
        ).render(empty: "the stream is empty")
      }
    }
  }
}
