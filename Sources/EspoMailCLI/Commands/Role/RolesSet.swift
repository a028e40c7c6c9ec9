import ArgumentParser

extension EspoMail.Roles {
  /// `espomail role set ROLE KEY=VALUE...`
  struct Change: EspoCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Set a role's levels and permissions (admins only).",
      discussion: """
        Example: espomail role set Agent email.read=own email.delete=no case.read=team case.create=yes \\
                   personal-email-accounts=yes group-email-account=team
        All settings are checked before any is stored.
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The role's name.", completion: LiveCompletion.roles) var role: String
    @Argument(help: "Settings such as email.read=own, case.create=yes, group-email-account=team.")
    var settings: [String] = []

    func run(in context: CommandContext) throws {
      let updated = try context.session().setRole(role, settings)
      try context.output.result(RoleJSON(updated)) { PeopleText.role(updated) }
    }
  }
}
