import ArgumentParser
import EspoMailCore

extension EspoMail {
  /// `espomail unfollow RECORD [--user LOGIN]`
  struct Unfollow: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Stop following a record and its mail notifications.",
      discussion: "Example: espomail unfollow account:3 --user alice")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The record (account, contact, lead, opportunity or case).", valueName: "TYPE:ID"))
    var record: String
    @Option(help: "Whose following changes (admins only; default: you).", completion: LiveCompletion.users) var user: String?

    func run(in context: CommandContext) throws {
      let result = try context.session().follow(try RecordReference(parsing: record), login: user, following: false)
      try context.output.result(FollowJSON(result)) {
        "\(result.user) \(result.changed ? "now" : "already") \(result.following ? "follows" : "does not follow") \(result.record)"
      }
    }
  }
}
