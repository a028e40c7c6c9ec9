import ArgumentParser

extension EspoMail.Notifications {
  /// `espomail notification list [--unread]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List your notifications, newest first.", discussion: "Example: espomail notification list --unread")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only unread ones.") var unread = false

    func run(in context: CommandContext) throws {
      let notifications = try context.session().notifications(unreadOnly: unread)
      try context.output.result(notifications.map(NotificationJSON.init)) {
        TextTable(
          headers: ["ID", "WHEN", "READ", "MESSAGE"],
          rows: notifications.map { ["\($0.id)", String($0.createdAt.prefix(16)), $0.isRead ? "yes" : "no", $0.message] }
        ).render(empty: "no notifications")
      }
    }
  }
}
