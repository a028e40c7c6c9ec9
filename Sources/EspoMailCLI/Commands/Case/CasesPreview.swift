import ArgumentParser

extension EspoMail.Cases {
  /// `espomail case preview ACCOUNT [--count N]`
  struct Preview: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show who would get the next cases of a group account, changing nothing (admins only).",
      discussion: "Example: espomail case preview support --count 6")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The group account.", completion: LiveCompletion.accounts) var account: String
    @Option(help: "How many turns to show.") var count: Int = 5

    func run(in context: CommandContext) throws {
      let turns = try context.session().previewCases(account: account, count: count)
      try context.output.result(turns.map(PreviewTurnJSON.init)) {
        TextTable(headers: ["TURN", "USER", "WHY"], rows: turns.map { ["\($0.turn)", $0.user ?? "(nobody)", $0.reason] })
          .render(empty: "")
      }
    }
  }
}
