import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.CRM {
  /// `espomail crm contact add NAME [--email ADDR]... [--account account:ID]`
  struct Contact: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Contacts.", subcommands: [Add.self])

    /// `espomail crm contact add`
    struct Add: EspoCommand {
      static let configuration = CommandConfiguration(
        abstract: "Add a contact, optionally at an account (needs contact.create=yes).",
        discussion: "Example: espomail crm contact add 'Jane Roe' --email jane@acme.example --account account:1")

      @OptionGroup var global: GlobalOptions
      @Argument(help: "The contact's name.") var name: String
      @Option(name: .customLong("email"), help: ArgumentHelp("An email address; repeat for more.", valueName: "addr"))
      var addresses: [String] = []
      @Option(help: ArgumentHelp("The account the contact works for.", valueName: "account:ID")) var account: String?

      func run(in context: CommandContext) throws {
        let reference = try account.map(RecordReference.init(parsing:))
        try CRMRecordAdding.add(
          NewRecord(type: .contact, name: name, addresses: addresses, account: reference), in: context)
      }
    }
  }
}
