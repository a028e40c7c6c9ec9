import ArgumentParser
import EspoMailKit

extension EspoMail.Users {
  /// `espomail user set LOGIN …`
  struct Change: EspoCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change a user's name, activity, admin rights, default team or database role (admins only).",
      discussion: "Example: espomail user set bob --inactive")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String
    @Option(help: "New display name.") var name: String?
    @Flag(name: .customLong("active"), help: "Activate the user.") var activate = false
    @Flag(name: .customLong("inactive"), help: "Deactivate the user: kept, but can do nothing.") var deactivate = false
    @Flag(name: .customLong("admin"), help: "Make the user an admin.") var makeAdmin = false
    @Flag(name: .customLong("no-admin"), help: "Take admin rights away.") var removeAdmin = false
    @Option(
      name: .customLong("db-role"), help: ArgumentHelp("PostgreSQL stores: map the user to this login role.", valueName: "role"))
    var databaseRole: String?
    @Flag(name: .customLong("create-db-role"), help: "PostgreSQL stores: create the --db-role login role first.")
    var createDatabaseRole = false
    @Flag(name: .customLong("no-db-role"), help: "PostgreSQL stores: map the user to no login role.")
    var removeDatabaseRole = false
    @Option(
      help: ArgumentHelp(
        "The team the mail of the user's personal accounts is assigned to, one of the user's teams (empty: none).",
        valueName: "team"), completion: LiveCompletion.teams)
    var defaultTeam: String?

    func validate() throws {
      if activate && deactivate { throw ValidationError("--active and --inactive exclude each other") }
      if makeAdmin && removeAdmin { throw ValidationError("--admin and --no-admin exclude each other") }
      if removeDatabaseRole && (databaseRole != nil || createDatabaseRole) {
        throw ValidationError("--no-db-role excludes --db-role and --create-db-role")
      }
      if createDatabaseRole && databaseRole == nil { throw ValidationError("--create-db-role needs --db-role ROLE") }
      if name == nil && !activate && !deactivate && !makeAdmin && !removeAdmin && databaseRole == nil && !removeDatabaseRole
        && defaultTeam == nil
      {
        throw ValidationError(
          "nothing to change: give --name, --active, --inactive, --admin, --no-admin, --default-team, --db-role or --no-db-role")
      }
    }

    func run(in context: CommandContext) throws {
      let changes = UserChanges(
        name: name, isActive: activate ? true : (deactivate ? false : nil),
        isAdmin: makeAdmin ? true : (removeAdmin ? false : nil),
        databaseRole: removeDatabaseRole ? .unmap : databaseRole.map { .map($0, create: createDatabaseRole) },
        defaultTeam: defaultTeam)
      let user = try context.session().setUser(login, changes)
      try context.output.result(UserJSON(user)) { "updated user \(user.login)" }
    }
  }
}
