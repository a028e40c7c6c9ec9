import ArgumentParser
import EspoMailCore
import Foundation

extension EspoMail.Emails {
  /// `espomail email import FILE.eml [--account NAME]`
  struct Import: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import an .eml file as if fetched (by an account, or for you alone); - reads stdin.",
      discussion: "Example: espomail email import message.eml --account support")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The .eml file, or - for standard input.", completion: .file(extensions: ["eml"])) var file: String
    @Option(help: "Import as fetched by this account (its users and teams get it).") var account: String?

    func run(in context: CommandContext) throws {
      let result = try context.session().importEmail(try context.readFile(file), accountName: account)
      try context.output.result(ImportJSON(id: result.id, merged: result.merged ? 1 : 0)) {
        result.merged ? "already in the store as email \(result.id); merged" : "imported as email \(result.id)"
      }
    }
  }
}

/// What `email import --format json` prints: the email's id, and `merged` 1 when the file was the
/// same message as a stored email (0 when it became a new one). The 0/1 form is kept for the
/// scripts that read it.
struct ImportJSON: Encodable {
  /// JSON key `id`.
  let id: Int64
  /// JSON key `merged`: 1 or 0.
  let merged: Int
}
