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
    @Argument(help: "The account's name.") var name: String
    @OptionGroup var settings: AccountSettingsOptions
    @Flag(help: "Mark fetched messages read again (undo --keep-unread).") var noKeepUnread = false
    @Flag(help: "Fetch the account again.") var active = false
    @Flag(help: "Stop fetching the account (kept with its mail).") var inactive = false
    @Flag(help: "Open a case for the first email of each new thread (group accounts).") var createCase = false
    @Flag(help: "Stop opening cases.") var noCreateCase = false
    @Option(help: "How new cases are assigned: direct, round-robin or least-busy.") var distribution: CaseDistribution?
    @Option(help: "The team cases go to and are distributed in.") var caseTeam: String?
    @Option(help: "Only team members with this position get cases (empty: everyone).") var position: String?
    @Option(help: ArgumentHelp("The user direct assignment gives every case to.", valueName: "login")) var assignTo: String?
    @Flag(help: "Answer new mail automatically (group accounts; needs --reply-template).") var autoReply = false
    @Flag(help: "Stop answering automatically.") var noAutoReply = false
    @Option(help: ArgumentHelp("The auto-reply template.", valueName: "template")) var replyTemplate: String?
    @Option(help: ArgumentHelp("From address of auto-replies (default: the account's).", valueName: "addr"))
    var replyFrom: String?
    @Option(help: ArgumentHelp("From name of auto-replies.", valueName: "name")) var replyFromName: String?
    @Option(help: ArgumentHelp("Reply-To of auto-replies.", valueName: "addr")) var replyTo: String?

    func validate() throws {
      if active && inactive { throw ValidationError("--active and --inactive exclude each other") }
      if settings.keepUnread && noKeepUnread { throw ValidationError("--keep-unread and --no-keep-unread exclude each other") }
      if createCase && noCreateCase { throw ValidationError("--create-case and --no-create-case exclude each other") }
      if autoReply && noAutoReply { throw ValidationError("--auto-reply and --no-auto-reply exclude each other") }
    }

    func run(in context: CommandContext) throws {
      var request = try settings.request(named: name, in: context)
      if noKeepUnread { request.keepUnread = false }
      if active { request.isActive = true }
      if inactive { request.isActive = false }
      if createCase { request.createCase = true }
      if noCreateCase { request.createCase = false }
      request.distribution = distribution
      request.caseTeam = caseTeam
      request.position = position
      request.assignTo = assignTo
      request.autoReply = autoReply ? true : (noAutoReply ? false : nil)
      request.replyTemplate = replyTemplate
      request.replyFrom = replyFrom
      request.replyFromName = replyFromName
      request.replyTo = replyTo
      let account = try context.session().setAccount(request)
      try context.output.result(AccountJSON(account)) { "updated account \(account.name)" }
    }
  }
}
