import ArgumentParser

extension EspoMail.Accounts {
  /// `espomail account list`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the email accounts you may see (admins: all; others: their own).",
      discussion: "Example: espomail account list --format json")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let accounts = try context.session().listAccounts()
      try context.output.result(accounts.map(AccountJSON.init)) { AccountText.accounts(accounts) }
    }
  }
}
