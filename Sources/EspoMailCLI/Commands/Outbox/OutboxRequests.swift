import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Outbox {
  /// `espomail outbox requests [--status STATUS] [--limit N]`
  struct Requests: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List mail asked of the fetch service (yours; everyone's for admins), newest first.",
      discussion: """
        On a PostgreSQL store, 'send' run through your own database role asks the fetch service to send \
        the mail as you on its next pass (Docs/security.md, "Sending as an agent"). Statuses: queued, \
        sending (claimed; after a crash see 'outbox list'), sent (the email named), failed (the error \
        says why: a check 'send' makes of you, or the server).
        Example: espomail outbox requests --status failed --format json
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only requests with this status.") var status: SendRequestStatus?
    @Option(help: "At most this many requests.") var limit = 50

    func validate() throws {
      if limit < 1 { throw ValidationError("--limit takes a positive number") }
    }

    func run(in context: CommandContext) throws {
      let requests = try context.session().listSendRequests(status: status, limit: limit)
      try context.output.result(requests.map(QueuedSendJSON.init)) {
        TextTable(
          headers: ["ID", "STATUS", "BY", "FROM", "TO", "SUBJECT", "EMAIL", "ERROR"],
          rows: requests.map {
            [
              "\($0.id)", $0.status.rawValue, $0.requestedBy, $0.from, $0.to.joined(separator: ", "), $0.subject,
              $0.emailID.map { "\($0)" }.orDash, $0.error.orDash,
            ]
          }
        ).render(empty: "no send requests")
      }
    }
  }
}
