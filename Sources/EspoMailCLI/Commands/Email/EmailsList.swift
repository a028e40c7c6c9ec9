import ArgumentParser
import EspoMailCore
import EspoMailKit

extension EspoMail.Emails {
  /// `espomail email list [--folder F] [--group-folder NAME] [--account NAME] [--parent RECORD] [--limit N] [--search TEXT] [--before ID | --after ID]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List emails, newest first.",
      discussion: """
        Pages: --before ID lists the emails that come after email ID in this order (the next, \
        older page: pass the last id of a listing), --after ID those before it (the previous, \
        newer page). Pages are exact: none is skipped or repeated while mail arrives. \
        'espomail email export' writes every email at once.
        --group-folder NAME lists a group folder shared with one of your teams (admins: any): its \
        live mail, or with --folder trash or archive what its teams trashed or archived. Your inbox \
        leaves out mail filed in such a folder.
        Example: espomail email list --folder inbox --search invoice --format json
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "inbox, sent, archive, trash, important, or one of your folders.", completion: LiveCompletion.folders) var folder: String?
    @Option(
      help: ArgumentHelp("Only emails filed in this group folder (with --folder: its trash or archive).", valueName: "name"),
      completion: LiveCompletion.groupFolders)
    var groupFolder: String?
    @Option(help: "Only emails of this account.", completion: LiveCompletion.accounts) var account: String?
    @Option(help: ArgumentHelp("Only emails linked to this record.", valueName: "TYPE:ID")) var parent: String?
    @Option(help: "At most this many.") var limit: Int = 100
    @Option(help: "Only emails whose subject, body or addresses contain these words.") var search: String?
    @Option(help: ArgumentHelp("The next page: emails listed after this one (older).", valueName: "id"))
    var before: EmailID?
    @Option(help: ArgumentHelp("The previous page: emails listed before this one (newer).", valueName: "id"))
    var after: EmailID?

    func run(in context: CommandContext) throws {
      let request = EmailFilterRequest(
        folder: folder, account: account, parent: try parent.map(RecordReference.init(parsing:)), search: search,
        limit: limit, before: before?.value, after: after?.value, groupFolder: groupFolder)
      let emails = try context.session().listEmails(request)
      try context.output.result(emails.map { EmailJSON(summary: $0) }) { EmailText.emails(emails) }
    }
  }
}
