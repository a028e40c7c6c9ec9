import ArgumentParser

extension EspoMail {
  /// `espomail outbox …`
  struct Outbox: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mail waiting to go out, sent, or failed: auto-replies and mail sent with 'send' (admins only), and send requests.",
      subcommands: [List.self, Retry.self, Requests.self])
  }
}
