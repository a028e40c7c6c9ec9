import ArgumentParser
import EspoMailCore

extension EspoMail.Accounts {
  /// `espomail account add NAME (--group | --personal --owner LOGIN) …`
  struct Add: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an email account to monitor.",
      discussion: """
        Example: printf '%s\\n' "$PASSWORD" | espomail account add support --group --address support@example.com \\
          --imap-host imap.example.com --username support --password-stdin --team Support
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A name for the account.") var name: String
    @Flag(help: "A shared mailbox (admins only).") var group = false
    @Flag(help: "A user's own mailbox.") var personal = false
    @Option(help: ArgumentHelp("The owner of a personal account.", valueName: "login"), completion: LiveCompletion.users) var owner: String?
    @OptionGroup var settings: AccountSettingsOptions

    func validate() throws {
      guard group != personal else { throw ValidationError("give exactly one of --group and --personal") }
    }

    func run(in context: CommandContext) throws {
      var request = try settings.request(named: name, in: context)
      request.kind = group ? .group : .personal
      request.owner = owner
      let account = try context.session().addAccount(request)
      try context.output.result(AccountJSON(account)) { "added \(account.kind.rawValue) account \(account.name)" }
    }
  }
}
