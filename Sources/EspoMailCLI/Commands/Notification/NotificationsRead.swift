import ArgumentParser

extension EspoMail.Notifications {
  /// `espomail notification read ID|--all`
  struct Read: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark a notification, or all of yours, read.", discussion: "Example: espomail notification read --all")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The notification's id.") var id: Int64?
    @Flag(help: "Mark all your notifications read.") var all = false

    func validate() throws {
      if (id == nil) == !all { throw ValidationError("give a notification id or --all") }
    }

    func run(in context: CommandContext) throws {
      let changed = try context.session().readNotifications(all ? nil : id)
      try context.output.result(MarkedNotificationsJSON(marked: changed)) { "marked \(changed) notification(s) read" }
    }
  }
}
