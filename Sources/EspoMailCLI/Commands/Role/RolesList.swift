import ArgumentParser

extension EspoMail.Roles {
  /// `espomail role list`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List roles (admins only).", discussion: "Example: espomail role list --format json")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let roles = try context.session().listRoles()
      try context.output.result(roles.map(RoleJSON.init)) {
        TextTable(
          headers: ["ROLE", "EMAIL READ", "CASE READ", "PERSONAL ACCOUNTS", "GROUP ACCOUNT"],
          rows: roles.map {
            [
              $0.name, $0.permissions.level(.email, .read).rawValue, $0.permissions.level(.case, .read).rawValue,
              $0.permissions.personalEmailAccounts ? "yes" : "no", $0.permissions.groupEmailAccount.rawValue,
            ]
          }
        ).render(empty: "no roles")
      }
    }
  }
}
