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
    @Option(help: "Import as fetched by this account (its users and teams get it).", completion: LiveCompletion.accounts) var account: String?

    func run(in context: CommandContext) throws {
      let result = try context.session().importEmail(try context.readFile(file), accountName: account)
      try context.output.result(ImportJSON(id: result.id, merged: result.merged)) {
        result.merged ? "already in the store as email \(result.id); merged" : "imported as email \(result.id)"
      }
    }
  }
}
