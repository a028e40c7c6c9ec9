import ArgumentParser

extension EspoMail.Users.Email {
  /// `espomail user email add LOGIN ADDR [--primary]`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Give a user an email address (admins only).",
      discussion: "Example: espomail user email add alice alice@example.com --primary")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String
    @Argument(help: "The address.") var address: String
    @Flag(help: "Make it the user's primary address.") var primary = false

    func run(in context: CommandContext) throws {
      let user = try context.session().addUserAddress(login, address, primary: primary)
      try context.output.result(UserJSON(user)) { "added \(address) to \(user.login)" }
    }
  }
}
