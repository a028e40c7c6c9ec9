import ArgumentParser

extension EspoMail.Users {
  /// `espomail user show LOGIN`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one user.", discussion: "Example: espomail user show alice")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String

    func run(in context: CommandContext) throws {
      let user = try context.session().showUser(login)
      try context.output.result(UserJSON(user)) { PeopleText.user(user) }
    }
  }
}
