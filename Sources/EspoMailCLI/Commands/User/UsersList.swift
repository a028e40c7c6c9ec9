import ArgumentParser

extension EspoMail.Users {
  /// `espomail user list`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List users (non-admins see themselves and their teammates).",
      discussion: "Example: espomail user list --format json")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let users = try context.session().listUsers()
      try context.output.result(users.map(UserJSON.init)) { PeopleText.users(users) }
    }
  }
}
