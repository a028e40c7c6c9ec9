import ArgumentParser

extension EspoMail.Accounts {
  /// `espomail account set NAME [any option of add] [--active|--inactive]`
  struct Set: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change an account's settings or secret.",
      discussion: "Example: espomail account set support --folder INBOX --folder Escalations --portion 200")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The account's name.") var name: String
    @OptionGroup var settings: AccountSettingsOptions
    @Flag(help: "Mark fetched messages read again (undo --keep-unread).") var noKeepUnread = false
    @Flag(help: "Fetch the account again.") var active = false
    @Flag(help: "Stop fetching the account (kept with its mail).") var inactive = false

    func validate() throws {
      if active && inactive { throw ValidationError("--active and --inactive exclude each other") }
      if settings.keepUnread && noKeepUnread { throw ValidationError("--keep-unread and --no-keep-unread exclude each other") }
    }

    func run(in context: CommandContext) throws {
      var request = try settings.request(named: name, in: context)
      if noKeepUnread { request.keepUnread = false }
      if active { request.isActive = true }
      if inactive { request.isActive = false }
      let account = try context.session().setAccount(request)
      try context.output.result(AccountJSON(account)) { "updated account \(account.name)" }
    }
  }
}
