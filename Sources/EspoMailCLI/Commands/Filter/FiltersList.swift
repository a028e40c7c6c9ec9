import ArgumentParser

extension EspoMail.Filters {
  /// `espomail filter list [--user LOGIN]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List filters in the order they run.", discussion: "Example: espomail filter list --user alice")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this user's inbox filters (others' for admins).", valueName: "login"), completion: LiveCompletion.users) var user: String?

    func run(in context: CommandContext) throws {
      let filters = try context.session().listFilters(user: user)
      try context.output.result(filters.map(EmailFilterJSON.init)) { FilterText.filters(filters) }
    }
  }
}
