import ArgumentParser

extension EspoMail.Teams.Member {
  /// `espomail team member remove TEAM LOGIN`
  struct Remove: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove a user from a team (admins only).",
      discussion: "Example: espomail team member remove Support alice")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The team's name.", completion: LiveCompletion.teams) var team: String
    @Argument(help: "The user's login.", completion: LiveCompletion.users) var login: String

    func run(in context: CommandContext) throws {
      let result = try context.session().removeTeamMember(team, login)
      try context.output.result(TeamJSON(result)) { "removed \(login) from \(result.name)" }
    }
  }
}
