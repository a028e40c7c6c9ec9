import ArgumentParser

extension EspoMail.Outbound {
  /// `espomail outbound show`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(abstract: "Show the system sender.", discussion: "Example: espomail outbound show")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let status = try context.session().outboundStatus()
      try context.output.result(OutboundJSON(status)) {
        status.account.map { "system sender: \($0) <\(status.address ?? "")> via \(status.server ?? "no SMTP")" }
          ?? "no system sender: espomail outbound set-default ACCOUNT"
      }
    }
  }
}
