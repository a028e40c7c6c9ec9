import ArgumentParser

extension EspoMail.Roles {
  /// `espomail role create NAME`
  struct Create: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a role that grants nothing yet (admins only).", discussion: "Example: espomail role create Agent")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The role's name.") var name: String

    func run(in context: CommandContext) throws {
      let role = try context.session().createRole(name)
      try context.output.result(RoleJSON(role)) { "created role \(role.name)" }
    }
  }
}
