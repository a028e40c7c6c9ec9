import ArgumentParser

extension EspoMail.Accounts {
  /// `espomail account status [NAME]`
  struct Status: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fetch health: last success, last error, failures in a row, messages settled.",
      discussion: "Example: espomail account status --format json")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "One account (default: all you may see).", completion: LiveCompletion.accounts) var name: String?

    func run(in context: CommandContext) throws {
      let statuses = try context.session().accountStatus(name)
      try context.output.result(statuses.map(AccountStatusJSON.init)) {
        TextTable(
          headers: ["ACCOUNT", "ACTIVE", "LAST SUCCESS", "FAILURES", "SETTLED", "SENT COPIES REFUSED", "LAST ERROR"],
          rows: statuses.map {
            [
              $0.name, $0.isActive ? "yes" : "no", $0.lastSuccessAt.orDash, "\($0.consecutiveFailures)",
              "\($0.ledger.values.reduce(0, +))", "\($0.sentAppend.failures)",
              $0.lastError ?? $0.sentAppend.lastError ?? "-",
            ]
          }
        ).render(empty: "no email accounts")
      }
    }
  }
}
