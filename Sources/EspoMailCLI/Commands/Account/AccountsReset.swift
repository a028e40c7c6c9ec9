import ArgumentParser

extension EspoMail.Accounts {
  /// `espomail account reset NAME --since YYYY-MM-DD`
  struct Reset: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rescan an account from a date; mail already imported is recognised, not duplicated.",
      discussion: "Example: espomail account reset support --since 2026-11-01")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account's name.") var name: String
    @Option(help: ArgumentHelp("Fetch again from this date.", valueName: "YYYY-MM-DD")) var since: String

    func run(in context: CommandContext) throws {
      let account = try context.session().resetAccount(name, since: since)
      try context.output.result(AccountJSON(account)) { "account \(account.name) will be rescanned from \(since)" }
    }
  }
}
