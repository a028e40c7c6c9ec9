import ArgumentParser
import EspoMailCore

extension EspoMail.Notifications {
  /// `espomail notification preferences [--email TOPICS|none]`
  struct Preferences: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show or choose which of your notifications you also get by email.",
      discussion: """
        Topics: followed (a new email on a record you follow), assigned (a case assigned to you), \
        case-mail (a new email on a case you follow or are assigned). The mail comes from the system sender \
        (espomail outbound set-default) and goes out with the next fetch; only notifications about \
        what you may read are mailed. Admins set another user's with --as LOGIN. \
        Example: espomail notification preferences --email assigned,case-mail
        """)

    @OptionGroup var global: GlobalOptions
    @Option(
      help: ArgumentHelp(
        "The notifications you also get by email: a comma-separated list of followed, assigned, case-mail, or none.",
        valueName: "topics"))
    var email: String?

    func run(in context: CommandContext) throws {
      let session = try context.session()
      let topics = try email.map { try session.setEmailNotificationTopics(NotificationTopic.list(parsing: $0)) }
        ?? session.emailNotificationTopics()
      try context.output.result(NotificationPreferencesJSON(login: session.user.login, email: topics)) {
        "\(session.user.login) gets by email: \(topics.isEmpty ? "none" : topics.map(\.rawValue).joined(separator: ","))"
      }
    }
  }
}
