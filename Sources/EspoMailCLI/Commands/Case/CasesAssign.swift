import ArgumentParser
import EspoMailKit

extension EspoMail.Cases {
  /// `espomail case assign NUMBER LOGIN`
  struct Assign: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Assign a case by hand; the assignee is notified. Distribution turns are not affected.",
      discussion: """
        An assignee whose email notifications include assigned (espomail notification preferences) \
        is mailed through the system sender at once; a mail that fails stays in the outbox. \
        Example: espomail case assign 17 alice
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number (17, #17 or case:17).") var number: String
    @Argument(help: "The assignee's login.", completion: LiveCompletion.users) var login: String
    @Option(help: "Seconds to wait for a silent SMTP server when mailing the notification.") var timeout: Double = 60

    func run(in context: CommandContext) throws {
      let session = try context.session()
      let updated = try session.assignCase(try EspoMail.Cases.number(number), to: login)
      for failure in session.mailNotifications(network: context.network(timeout: timeout)).failures {
        context.output.warning("case #\(updated.number) is assigned, but its notification mail failed: \(failure)")
        context.output.hint("see espomail outbox list --status failed; espomail outbox retry --failed")
      }
      try context.output.result(CaseJSON(updated)) { "case #\(updated.number) is assigned to \(login)" }
    }
  }
}
