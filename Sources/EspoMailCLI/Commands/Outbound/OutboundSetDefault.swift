import ArgumentParser

extension EspoMail.Outbound {
  /// `espomail outbound set-default ACCOUNT`
  struct SetDefault: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make a group account with SMTP the system sender (admins only).",
      discussion: "Example: espomail outbound set-default support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A group account with SMTP.", completion: LiveCompletion.accounts) var account: String

    func run(in context: CommandContext) throws {
      let status = try context.session().setDefaultOutbound(account)
      try context.output.result(OutboundJSON(status)) { "the system sender is now \(status.account ?? "") <\(status.address ?? "")>" }
    }
  }
}
