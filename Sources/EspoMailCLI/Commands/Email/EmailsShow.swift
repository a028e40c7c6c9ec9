import ArgumentParser
import EspoMailCore
import Foundation

extension EspoMail.Emails {
  /// `espomail email show ID [--raw]`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one email; --raw prints the message exactly as fetched.",
      discussion: "Example: espomail email show 42 --raw > message.eml")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The email's id (42 or email:42).") var id: String
    @Flag(help: "Print the raw RFC 822 message.") var raw = false

    func run(in context: CommandContext) throws {
      let number = try Int64(id) ?? RecordReference(parsing: id).id
      if raw {
        context.output.raw(stdout: try context.session().rawEmail(number))
        return
      }
      let email = try context.session().showEmail(number)
      try context.output.result(EmailJSON(summary: email.summary, detail: email)) { EmailText.email(email) }
    }
  }
}
