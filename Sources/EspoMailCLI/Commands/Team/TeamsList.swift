import ArgumentParser

extension EspoMail.Teams {
  /// `espomail team list`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List teams with their members.", discussion: "Example: espomail team list --format json")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let teams = try context.session().listTeams()
      try context.output.result(teams.map(TeamJSON.init)) { PeopleText.teams(teams) }
    }
  }
}
