import ArgumentParser
import EspoMailCore

extension EspoMail.CRM {
  /// `espomail crm show RECORD`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one record with its addresses and followers.",
      discussion: "Example: espomail crm show contact:12")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The record.", valueName: "TYPE:ID")) var record: String

    func run(in context: CommandContext) throws {
      let found = try context.session().showRecord(try RecordReference(parsing: record))
      try context.output.result(RecordJSON(found)) { RecordText.record(found) }
    }
  }
}
