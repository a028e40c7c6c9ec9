import ArgumentParser
import EspoMailKit

extension EspoMail.Users {
  /// `espomail user add LOGIN …`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a user (admins only). The login is the person's operating-system login.",
      discussion: "Example: espomail user add alice --name 'Alice Smith' --email alice@example.com --team Support --default-team Support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Operating-system login.") var login: String
    @Option(help: "Display name (default: the login).") var name: String?
    @Option(name: .customLong("email"), help: ArgumentHelp("An email address; repeat for more, the first is primary.", valueName: "addr"))
    var addresses: [String] = []
    @Flag(help: "Make the user an admin.") var admin = false
    @Flag(help: "Add the user inactive.") var inactive = false
    @Option(name: .customLong("team"), help: "A team to join; repeat for more.", completion: LiveCompletion.teams) var teams: [String] = []
    @Option(
      name: .customLong("default-team"),
      help: ArgumentHelp("The team the mail of the user's personal accounts is assigned to (joined if not given with --team).", valueName: "team"),
      completion: LiveCompletion.teams)
    var defaultTeam: String?
    @Option(
      name: .customLong("db-role"),
      help: ArgumentHelp("PostgreSQL stores: the login role the user connects as (default with --create-db-role: the login).", valueName: "role"))
    var databaseRole: String?
    @Flag(name: .customLong("create-db-role"), help: "PostgreSQL stores: create the login role first.")
    var createDatabaseRole = false

    func run(in context: CommandContext) throws {
      let role = databaseRole ?? (createDatabaseRole ? login : nil)
      let user = try context.session().addUser(
        NewUser(
          login: login, name: name, addresses: addresses, isAdmin: admin, isActive: !inactive, teams: teams,
          databaseRole: role.map { .map($0, create: createDatabaseRole) }, defaultTeam: defaultTeam))
      try context.output.result(UserJSON(user)) { "added user \(user.login)" }
    }
  }
}
