import ArgumentParser
import EspoMailCore

extension EspoMail.Accounts {
  /// `espomail account set NAME [any option of add] [--active|--inactive]`
  struct Change: EspoCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change an account's settings or secret.",
      discussion: """
        Example: espomail account set support --create-case --distribution round-robin --case-team Support
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account's name.", completion: LiveCompletion.accounts) var name: String
    @OptionGroup var settings: AccountSettingsOptions
    @Flag var activity: Activity?
    @Flag(inversion: .prefixedNo, help: "Open a case for the first email of each new thread (group accounts), or (no-) stop.")
    var createCase: Bool?
    @Option(help: "How new cases are assigned: direct, round-robin, least-busy, or none (they stay New).")
    var distribution: DistributionChoice?
    @Option(help: "The team cases go to and are distributed in.", completion: LiveCompletion.teams) var caseTeam: String?
    @Option(help: "Only team members with this position get cases (empty: everyone).") var position: String?
    @Option(
      help: ArgumentHelp(
        "The user direct distribution gives every case to; on an account that opens no cases, the user every email is assigned to (empty: nobody).",
        valueName: "login"), completion: LiveCompletion.users)
    var assignTo: String?
    @Flag(inversion: .prefixedNo, help: "Answer new mail automatically (group accounts; needs --reply-template), or (no-) stop.")
    var autoReply: Bool?
    @Option(help: ArgumentHelp("The auto-reply template.", valueName: "template"), completion: LiveCompletion.templates) var replyTemplate: String?
    @Option(help: ArgumentHelp("From address of auto-replies (default: the account's).", valueName: "addr"))
    var replyFrom: String?
    @Option(help: ArgumentHelp("From name of auto-replies.", valueName: "name")) var replyFromName: String?
    @Option(help: ArgumentHelp("Reply-To of auto-replies.", valueName: "addr")) var replyTo: String?

    func run(in context: CommandContext) throws {
      var request = try settings.request(named: name, in: context)
      request.isActive = activity.map { $0 == .active }
      request.createCase = createCase
      request.distribution = distribution
      request.caseTeam = caseTeam
      request.position = position
      request.assignTo = assignTo
      request.autoReply = autoReply
      request.replyTemplate = replyTemplate
      request.replyFrom = replyFrom
      request.replyFromName = replyFromName
      request.replyTo = replyTo
      let account = try context.session().setAccount(request)
      try context.output.result(AccountJSON(account)) { "updated account \(account.name)" }
    }

    /// `--active` or `--inactive`.
    enum Activity: String, EnumerableFlag {
      /// Fetch the account again.
      case active
      /// Stop fetching the account (kept with its mail).
      case inactive

      /// The help of each flag.
      static func help(for value: Self) -> ArgumentHelp? {
        switch value {
        case .active: "Fetch the account again."
        case .inactive: "Stop fetching the account (kept with its mail)."
        }
      }
    }
  }
}
