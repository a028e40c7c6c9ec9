import ArgumentParser

extension EspoMail {
  /// `espomail filter …`
  struct Filters: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "filter", abstract: "Email filters: global, per account, per user inbox.",
      discussion: """
        Patterns use * as a wildcard and ignore case; every criterion given must match. Fetch filters \
        (global, account) run on the headers first, so a skip never downloads the body, then with the \
        body; user filters run when an email is given to the user. First match wins, in the order \
        'filter list' shows.
        """,
      subcommands: [Create.self, List.self, Show.self, Remove.self, Test.self])
  }
}
