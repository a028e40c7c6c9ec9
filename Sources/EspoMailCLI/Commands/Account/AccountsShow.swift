import ArgumentParser

extension EspoMail.Accounts {
  /// `espomail account show NAME`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show an account's settings and where its secret comes from (never the secret).",
      discussion: "Example: espomail account show support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account's name.", completion: LiveCompletion.accounts) var name: String

    func run(in context: CommandContext) throws {
      let account = try context.session().showAccount(name)
      try context.output.result(AccountJSON(account)) { AccountText.account(account) }
    }
  }
}
