import ArgumentParser

extension EspoMail.Teams {
  /// `espomail team show NAME`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a team's members and positions.", discussion: "Example: espomail team show Support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The team's name.", completion: LiveCompletion.teams) var name: String

    func run(in context: CommandContext) throws {
      let team = try context.session().showTeam(name)
      try context.output.result(TeamJSON(team)) { PeopleText.team(team) }
    }
  }
}
