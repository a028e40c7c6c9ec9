import ArgumentParser

extension EspoMail.Accounts {
  /// `espomail account reset NAME --since YYYY-MM-DD | --all`
  struct Reset: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rescan an account from a date, or all its mail; mail already imported is recognised, not duplicated.",
      discussion: "Example: espomail account reset support --since 2026-11-01, or espomail account reset support --all")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account's name.", completion: LiveCompletion.accounts) var name: String
    @Option(help: ArgumentHelp("Fetch again from this date.", valueName: "YYYY-MM-DD")) var since: String?
    @Flag(help: "Fetch again all the mail of the monitored folders, whatever its date (clears the fetch-since date).")
    var all = false

    func validate() throws {
      if (since == nil) == !all { throw ValidationError("give --since YYYY-MM-DD or --all") }
    }

    func run(in context: CommandContext) throws {
      let account = try context.session().resetAccount(name, since: since)
      try context.output.result(AccountJSON(account)) {
        "account \(account.name) will be rescanned " + (since.map { "from \($0)" } ?? "in full")
      }
    }
  }
}
