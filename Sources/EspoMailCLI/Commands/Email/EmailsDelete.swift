import ArgumentParser
import EspoMailCore

extension EspoMail.Emails {
  /// `espomail email delete ID --yes`
  struct Delete: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete an email for everyone (needs email.delete; prefer 'email trash', which is per user).",
      discussion: """
        The email's raw message goes with it, unless another email or a quarantine entry holds the \
        same bytes; its server messages are not fetched again.

        Example: espomail email delete 42 --yes
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID
    @Flag(help: "Confirm: the email is removed for every user and account.") var yes = false

    func run(in context: CommandContext) throws {
      guard yes else {
        throw EspoMailError(.usage, "deleting removes the email for everyone", hint: "add --yes to confirm, or use 'email trash'")
      }
      let number = id.value
      let summary = try context.session().deleteEmail(number)
      try context.output.result(EmailJSON(summary: summary)) { "deleted email \(summary.id) for everyone" }
    }
  }
}
