import ArgumentParser

extension EspoMail.Roles {
  /// `espomail role show NAME`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what a role grants.", discussion: "Example: espomail role show Agent")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The role's name.", completion: LiveCompletion.roles) var name: String

    func run(in context: CommandContext) throws {
      let role = try context.session().showRole(name)
      try context.output.result(RoleJSON(role)) { PeopleText.role(role) }
    }
  }
}
