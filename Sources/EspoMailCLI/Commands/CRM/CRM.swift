import ArgumentParser

extension EspoMail {
  /// `espomail crm …`: accounts, contacts, leads and opportunities that mail links to.
  struct CRM: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "crm", abstract: "Manage CRM records that incoming mail is linked to.",
      subcommands: [Account.self, Contact.self, Lead.self, Opportunity.self, List.self, Show.self])
  }
}
