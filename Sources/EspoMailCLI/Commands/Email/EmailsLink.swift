import ArgumentParser
import EspoMailCore

extension EspoMail.Emails {
  /// `espomail email link ID RECORD`
  struct Link: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Link an email to a record by hand; replies in its thread without a parent follow.",
      discussion: "Example: espomail email link 42 case:7")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID
    @Argument(help: ArgumentHelp("The new parent.", valueName: "TYPE:ID")) var record: String

    func run(in context: CommandContext) throws {
      let result = try context.session().linkEmail(id.value, to: try RecordReference(parsing: record))
      try context.output.result(LinkResultJSON(result)) {
        "email \(result.email) is linked to \(result.parent)"
          + (result.followed.isEmpty ? "" : "; replies \(result.followed.map(String.init).joined(separator: ", ")) followed")
      }
    }
  }
}
