import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Outbox {
  /// `espomail outbox retry (ID... | --failed) [--resend-unconfirmed]`
  struct Retry: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Send failed outbox messages again now.",
      discussion: """
        Each message is claimed before it is sent, so a retry racing a fetch never sends twice. \
        Prints every message as it stands afterwards; exits 0 when all went out, 69 when any failed \
        again (its error is in the output and on stderr).
        Example: espomail outbox retry --failed
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The messages' ids.") var ids: [Int64] = []
    @Flag(help: "Every failed message.") var failed = false
    @Flag(help: "Also send messages a crashed run left 'sending' (they may have gone out already).")
    var resendUnconfirmed = false
    @Option(help: "Seconds to wait for a silent server.") var timeout: Double = 60

    func validate() throws {
      if failed == !ids.isEmpty { throw ValidationError("give message ids or --failed, not both or neither") }
      if !(1...3600).contains(timeout) { throw ValidationError("--timeout takes 1 to 3600 seconds") }
    }

    func run(in context: CommandContext) throws {
      let messages = try context.session().retryOutbox(
        ids: ids, allFailed: failed, resendUnconfirmed: resendUnconfirmed,
        network: context.network(timeout: timeout))
      try context.output.result(messages.map(OutboxMessageJSON.init)) {
        messages.isEmpty
          ? "no failed messages"
          : messages.map { "message \($0.id): \($0.status.rawValue)\($0.lastError.map { " (\($0))" } ?? "")" }.joined(separator: "\n")
      }
      let stillFailed = messages.filter { $0.status != .sent }
      guard !stillFailed.isEmpty else { return }
      for message in stillFailed { context.output.warning("message \(message.id): \(message.lastError ?? message.status.rawValue)") }
      throw ExitCode(ExitStatus.unavailable.rawValue)
    }
  }
}
