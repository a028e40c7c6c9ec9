import ArgumentParser

extension EspoMail.Users.Role {
  /// `espomail user role add LOGIN ROLE`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Give a user a role (admins only).", discussion: "Example: espomail user role add alice Agent")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String
    @Argument(help: "The role's name.", completion: LiveCompletion.roles) var role: String

    func run(in context: CommandContext) throws {
      let user = try context.session().addUserRole(login, role)
      try context.output.result(UserJSON(user)) { "gave role \(role) to \(user.login)" }
    }
  }
}
