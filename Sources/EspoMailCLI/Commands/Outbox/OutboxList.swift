import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Outbox {
  /// `espomail outbox list [--status STATUS] [--limit N]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List outbox messages, newest first.",
      discussion: """
        Statuses: queued (sent after the fetch that queued it commits), sending (claimed; after a \
        crash its fate is unknown), sent, failed (see the error), suppressed.
        Example: espomail outbox list --status failed --format json
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only messages with this status.") var status: OutboxStatus?
    @Option(help: "At most this many messages.") var limit = 50

    func validate() throws {
      if limit < 1 { throw ValidationError("--limit takes a positive number") }
    }

    func run(in context: CommandContext) throws {
      let messages = try context.session().listOutbox(status: status, limit: limit)
      try context.output.result(messages.map(OutboxMessageJSON.init)) {
        TextTable(
          headers: ["ID", "STATUS", "KIND", "ACCOUNT", "TO", "TRIES", "CREATED", "ERROR"],
          rows: messages.map {
            [
              "\($0.id)", $0.status.rawValue, $0.kind.rawValue, $0.account.orDash, $0.recipients.joined(separator: ", "), "\($0.attempts)",
              $0.createdAt, $0.lastError.orDash,
            ]
          }
        ).render(empty: "the outbox is empty")
      }
    }
  }
}
