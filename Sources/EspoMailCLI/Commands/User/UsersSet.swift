import ArgumentParser
import EspoMailKit

extension EspoMail.Users {
  /// `espomail user set LOGIN …`
  struct Change: EspoCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change a user's name, activity or admin rights (admins only).",
      discussion: "Example: espomail user set bob --inactive")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.") var login: String
    @Option(help: "New display name.") var name: String?
    @Flag(name: .customLong("active"), help: "Activate the user.") var activate = false
    @Flag(name: .customLong("inactive"), help: "Deactivate the user: kept, but can do nothing.") var deactivate = false
    @Flag(name: .customLong("admin"), help: "Make the user an admin.") var makeAdmin = false
    @Flag(name: .customLong("no-admin"), help: "Take admin rights away.") var removeAdmin = false

    func validate() throws {
      if activate && deactivate { throw ValidationError("--active and --inactive exclude each other") }
      if makeAdmin && removeAdmin { throw ValidationError("--admin and --no-admin exclude each other") }
      if name == nil && !activate && !deactivate && !makeAdmin && !removeAdmin {
        throw ValidationError("nothing to change: give --name, --active, --inactive, --admin or --no-admin")
      }
    }

    func run(in context: CommandContext) throws {
      let changes = UserChanges(
        name: name, isActive: activate ? true : (deactivate ? false : nil),
        isAdmin: makeAdmin ? true : (removeAdmin ? false : nil))
      let user = try context.session().setUser(login, changes)
      try context.output.result(UserJSON(user)) { "updated user \(user.login)" }
    }
  }
}
