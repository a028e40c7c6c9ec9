import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.CRM {
  /// `espomail crm opportunity add NAME --account account:ID`
  struct Opportunity: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Opportunities.", subcommands: [Add.self])

    /// `espomail crm opportunity add`
    struct Add: EspoCommand {
      static let configuration = CommandConfiguration(
        abstract: "Add an opportunity with an account (needs opportunity.create=yes).",
        discussion: "Example: espomail crm opportunity add 'Acme renewal 2027' --account account:1")

      @OptionGroup var global: GlobalOptions
      @Argument(help: "The opportunity's name.") var name: String
      @Option(help: ArgumentHelp("The account the deal is with.", valueName: "account:ID")) var account: String

      func run(in context: CommandContext) throws {
        let reference = try RecordReference(parsing: account)
        try CRMRecordAdding.add(
          NewRecord(type: .opportunity, name: name, addresses: [], account: reference), in: context)
      }
    }
  }
}
