import ArgumentParser
import EspoMailKit

extension EspoMail.CRM {
  /// `espomail crm account add NAME [--email ADDR]...`
  struct Account: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Accounts.", subcommands: [Add.self])

    /// `espomail crm account add`
    struct Add: EspoCommand {
      static let configuration = CommandConfiguration(
        abstract: "Add a account (needs account.create=yes).",
        discussion: "Example: espomail crm account add 'Acme Ltd' --email info@acme.example")

      @OptionGroup var global: GlobalOptions
      @Argument(help: "The account's name.") var name: String
      @Option(name: .customLong("email"), help: ArgumentHelp("An email address; repeat for more.", valueName: "addr"))
      var addresses: [String] = []

      func run(in context: CommandContext) throws {
        try CRMRecordAdding.add(NewRecord(type: .account, name: name, addresses: addresses, account: nil), in: context)
      }
    }
  }
}
