import ArgumentParser
import EspoMailKit

extension EspoMail.Users {
  /// `espomail user add LOGIN …`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a user (admins only). The login is the person's operating-system login.",
      discussion: "Example: espomail user add alice --name 'Alice Smith' --email alice@example.com --team Support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Operating-system login.") var login: String
    @Option(help: "Display name (default: the login).") var name: String?
    @Option(name: .customLong("email"), help: ArgumentHelp("An email address; repeat for more, the first is primary.", valueName: "addr"))
    var addresses: [String] = []
    @Flag(help: "Make the user an admin.") var admin = false
    @Flag(help: "Add the user inactive.") var inactive = false
    @Option(name: .customLong("team"), help: "A team to join; repeat for more.") var teams: [String] = []

    func run(in context: CommandContext) throws {
      let user = try context.session().addUser(
        NewUser(login: login, name: name, addresses: addresses, isAdmin: admin, isActive: !inactive, teams: teams))
      try context.output.result(UserJSON(user)) { "added user \(user.login)" }
    }
  }
}
