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
    @Argument(help: "The email's id (42 or email:42).") var id: EmailID
    @Flag(help: "Print the raw RFC 822 message.") var raw = false

    func run(in context: CommandContext) throws {
      let number = id.value
      if raw {
        context.output.raw(stdout: try context.session().rawEmail(number))
        return
      }
      let email = try context.session().showEmail(number)
      try context.output.result(EmailJSON(summary: email.summary, detail: email)) { EmailText.email(email) }
    }
  }
}
