import ArgumentParser

extension EspoMail.Accounts {
  /// `espomail account remove NAME`
  struct Remove: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove an account; its emails stay for the users who have them.",
      discussion: "Example: espomail account remove old-support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account's name.", completion: LiveCompletion.accounts) var name: String

    func run(in context: CommandContext) throws {
      let account = try context.session().removeAccount(name)
      try context.output.result(AccountJSON(account)) { "removed account \(account.name)" }
    }
  }
}
