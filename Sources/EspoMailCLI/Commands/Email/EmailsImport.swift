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
      let bytes: [UInt8]
      if file == "-" {
        bytes = context.readStandardInput()
      } else {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw EspoMailError.notFound("file", file)
        }
        bytes = [UInt8](data)
      }
      let result = try context.session().importEmail(bytes, accountName: account)
      try context.output.result(["id": result.id, "merged": result.merged ? 1 : 0]) {
        result.merged ? "already in the store as email \(result.id); merged" : "imported as email \(result.id)"
      }
    }
  }
}
