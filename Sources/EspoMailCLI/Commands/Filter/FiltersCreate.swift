import ArgumentParser
import EspoMailCore
import EspoMailKit

extension FilterAction: ExpressibleByArgument {}

extension EspoMail.Filters {
  /// `espomail filter create NAME (--global | --account NAME | --user LOGIN) … --action …`
  struct Create: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a filter; it is checked when saved and warned about when an earlier one shadows it.",
      discussion: """
        Example: espomail filter create newsletters --user alice --from '*@news.example' \\
          --action move-to-folder --folder News --mark-read --skip-notification
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A unique name.") var name: String
    @Flag(name: .customLong("global"), help: "Apply to every account at fetch time (admins; skip only).") var isGlobal = false
    @Option(help: "Apply to this account's mail at fetch time.", completion: LiveCompletion.accounts) var account: String?
    @Option(help: ArgumentHelp("Apply to this user's inbox.", valueName: "login"), completion: LiveCompletion.users) var user: String?
    @Option(help: ArgumentHelp("From address pattern.", valueName: "pattern")) var from: String?
    @Option(help: ArgumentHelp("To/CC address pattern.", valueName: "pattern")) var to: String?
    @Option(help: ArgumentHelp("Subject pattern.", valueName: "pattern")) var subject: String?
    @Option(help: "The body contains this phrase (repeat: any of them).") var bodyContains: [String] = []
    @Option(help: "The body contains this phrase (repeat: all of them).") var bodyContainsAll: [String] = []
    @Option(help: "skip, move-to-folder, move-to-group-folder or none.") var action: FilterAction
    @Option(help: "The folder for move-to-folder (yours) or move-to-group-folder.", completion: LiveCompletion.folders) var folder: String?
    @Flag(help: "User filters: mark matching mail read.") var markRead = false
    @Flag(help: "User filters: no notification for matching mail.") var skipNotification = false

    func validate() throws {
      let scopes = [isGlobal, account != nil, user != nil].filter { $0 }.count
      guard scopes == 1 else { throw ValidationError("give exactly one of --global, --account NAME and --user LOGIN") }
    }

    func run(in context: CommandContext) throws {
      var request = FilterRequest(name: name, scope: isGlobal ? .global : (account != nil ? .account : .user), action: action)
      request.account = account
      request.user = user
      request.from = from
      request.to = to
      request.subject = subject
      request.bodyContains = bodyContains
      request.bodyContainsAll = bodyContainsAll
      request.folder = folder
      request.markRead = markRead
      request.skipNotification = skipNotification
      let created = try context.session().createFilter(request)
      for earlier in created.shadowedBy {
        context.output.warning("filter '\(earlier)' runs first and matches everything '\(name)' matches; '\(name)' will never fire")
      }
      try context.output.result(EmailFilterJSON(created.filter)) { "created filter \(name) (\(FilterText.scope(created.filter)), order \(created.filter.position))" }
    }
  }
}
