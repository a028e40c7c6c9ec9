import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.CRM.Lead {
  /// `espomail crm lead convert LEAD [--account ID | --new-account NAME] [--contact ID | --new-contact NAME] [--opportunity ID | --new-opportunity NAME]`
  struct Convert: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Convert a lead into an account, a contact and an opportunity, existing or new (needs lead.edit).",
      discussion: """
        From then on mail that would link to the lead links to its account, or in B2C mode to its \
        contact ('espomail explain' says so); mail linked before stays. A new contact gets the \
        lead's addresses and the account (else a new account gets the addresses); a new \
        opportunity needs an account. A lead is converted once.
        Example: espomail crm lead convert lead:3 --new-account 'Acme Ltd' --new-contact 'Jane Roe'
        Example: espomail crm lead convert lead:3 --account account:5 --contact contact:9
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The lead.", valueName: "lead:ID")) var lead: String
    @Option(help: ArgumentHelp("An existing account it becomes.", valueName: "account:ID")) var account: String?
    @Option(help: ArgumentHelp("A new account it becomes (needs account.create).", valueName: "name")) var newAccount: String?
    @Option(help: ArgumentHelp("An existing contact it becomes.", valueName: "contact:ID")) var contact: String?
    @Option(help: ArgumentHelp("A new contact it becomes (needs contact.create).", valueName: "name")) var newContact: String?
    @Option(help: ArgumentHelp("An existing opportunity it becomes.", valueName: "opportunity:ID")) var opportunity: String?
    @Option(help: ArgumentHelp("A new opportunity of the account (needs opportunity.create).", valueName: "name"))
    var newOpportunity: String?

    func validate() throws {
      for (existing, new, name) in [
        (account, newAccount, "account"), (contact, newContact, "contact"), (opportunity, newOpportunity, "opportunity"),
      ] where existing != nil && new != nil {
        throw ValidationError("give --\(name) or --new-\(name), not both")
      }
    }

    func run(in context: CommandContext) throws {
      let request = LeadConversionRequest(
        account: try account.map(RecordReference.init(parsing:)), newAccount: newAccount,
        contact: try contact.map(RecordReference.init(parsing:)), newContact: newContact,
        opportunity: try opportunity.map(RecordReference.init(parsing:)), newOpportunity: newOpportunity)
      let record = try context.session().convertLead(try RecordReference(parsing: lead), request)
      try context.output.result(RecordJSON(record)) { "converted \(record.reference) \(record.name)" }
    }
  }
}
