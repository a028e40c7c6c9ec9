import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Emails {
  /// `espomail email export [--folder F] [--account NAME] [--parent RECORD] [--search TEXT] [--before ID]`
  struct Export: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write every email you may read as JSON Lines, newest first, with bodies.",
      discussion: """
        One JSON object per line, with the keys of 'email show --format json'. The same filters as \
        'email list'; emails stream out a page at a time from one consistent view of the store, so \
        an export of any size holds little in memory. --before ID resumes after the email with \
        that id (the last line written).
        Example: espomail email export --account support > support.jsonl
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "inbox, sent, archive, trash, important, or one of your folders.", completion: LiveCompletion.folders) var folder: String?
    @Option(help: "Only emails of this account.", completion: LiveCompletion.accounts) var account: String?
    @Option(help: ArgumentHelp("Only emails linked to this record.", valueName: "TYPE:ID")) var parent: String?
    @Option(help: "Only emails whose subject, body or addresses contain these words.") var search: String?
    @Option(help: ArgumentHelp("Resume after this email (older ones follow).", valueName: "id")) var before: EmailID?

    func run(in context: CommandContext) throws {
      let request = EmailFilterRequest(
        folder: folder, account: account, parent: try parent.map(RecordReference.init(parsing:)), search: search,
        limit: 1000, before: before?.value)
      var written = 0
      try context.session().exportEmails(request) { email in
        try context.output.jsonLine(EmailJSON(summary: email.summary, detail: email))
        written += 1
        if context.isTerminal, written % 1000 == 0 { context.output.progress("exported \(written) emails") }
      }
      if context.isTerminal { context.output.progress(nil) }
    }
  }
}
