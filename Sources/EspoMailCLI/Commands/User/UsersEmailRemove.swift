import ArgumentParser

extension EspoMail.Users.Email {
  /// `espomail user email remove LOGIN ADDR`
  struct Remove: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Take an email address from a user (admins only).",
      discussion: "Example: espomail user email remove alice old@example.com")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String
    @Argument(help: "The address.") var address: String

    func run(in context: CommandContext) throws {
      let user = try context.session().removeUserAddress(login, address)
      try context.output.result(UserJSON(user)) { "removed \(address) from \(user.login)" }
    }
  }
}
