import ArgumentParser
import EspoMailCore

extension EspoMail.CRM {
  /// `espomail crm list TYPE`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the records of a type that you may read.",
      discussion: "Example: espomail crm list contact --format json")

    @OptionGroup var global: GlobalOptions
    @Argument(
      help: "account, contact, lead or opportunity.",
      completion: .list(["account", "contact", "lead", "opportunity"]))
    var type: String

    func run(in context: CommandContext) throws {
      guard let recordType = RecordType(rawValue: type.lowercased()), recordType != .case, recordType != .email else {
        throw EspoMailError.malformed("record type", type, accepted: "account|contact|lead|opportunity")
      }
      let records = try context.session().listRecords(recordType)
      try context.output.result(records.map(RecordJSON.init)) { RecordText.records(records) }
    }
  }
}
