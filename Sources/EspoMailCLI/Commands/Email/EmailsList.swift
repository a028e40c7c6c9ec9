import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Emails {
  /// `espomail email list [--folder F] [--account NAME] [--parent RECORD] [--limit N] [--search TEXT]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List emails, newest first.",
      discussion: "Example: espomail email list --folder inbox --search invoice --format json")

    @OptionGroup var global: GlobalOptions
    @Option(help: "inbox, sent, archive, trash, important, or one of your folders.") var folder: String?
    @Option(help: "Only emails of this account.") var account: String?
    @Option(help: ArgumentHelp("Only emails linked to this record.", valueName: "TYPE:ID")) var parent: String?
    @Option(help: "At most this many.") var limit: Int = 100
    @Option(help: "Only emails whose subject, body or addresses contain these words.") var search: String?

    func run(in context: CommandContext) throws {
      let request = EmailFilterRequest(
        folder: folder, account: account, parent: try parent.map(RecordReference.init(parsing:)), search: search,
        limit: limit)
      let emails = try context.session().listEmails(request)
      try context.output.result(emails.map { EmailJSON(summary: $0) }) { EmailText.emails(emails) }
    }
  }
}
