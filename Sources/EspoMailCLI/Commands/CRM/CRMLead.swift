import ArgumentParser
import EspoMailKit

extension EspoMail.CRM {
  /// `espomail crm lead add|convert`
  struct Lead: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Leads.", subcommands: [Add.self, Convert.self])

    /// `espomail crm lead add`
    struct Add: EspoCommand {
      static let configuration = CommandConfiguration(
        abstract: "Add a lead (needs lead.create=yes).",
        discussion: "Example: espomail crm lead add 'Acme Ltd' --email info@acme.example")

      @OptionGroup var global: GlobalOptions
      @Argument(help: "The lead's name.") var name: String
      @Option(name: .customLong("email"), help: ArgumentHelp("An email address; repeat for more.", valueName: "addr"))
      var addresses: [String] = []

      func run(in context: CommandContext) throws {
        try CRMRecordAdding.add(NewRecord(type: .lead, name: name, addresses: addresses, account: nil), in: context)
      }
    }
  }
}
