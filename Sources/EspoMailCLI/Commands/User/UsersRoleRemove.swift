import ArgumentParser

extension EspoMail.Users.Role {
  /// `espomail user role remove LOGIN ROLE`
  struct Remove: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Take a role from a user (admins only).", discussion: "Example: espomail user role remove alice Agent")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String
    @Argument(help: "The role's name.", completion: LiveCompletion.roles) var role: String

    func run(in context: CommandContext) throws {
      let user = try context.session().removeUserRole(login, role)
      try context.output.result(UserJSON(user)) { "took role \(role) from \(user.login)" }
    }
  }
}
