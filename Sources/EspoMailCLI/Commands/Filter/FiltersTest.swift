import ArgumentParser
import EspoMailCore
import Foundation

extension EspoMail.Filters {
  /// `espomail filter test NAME (--email ID | --file FILE.eml)`
  struct Test: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Say whether and why a filter matches a stored email or an .eml file; changes nothing.",
      discussion: "Example: espomail filter test newsletters --file sample.eml")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The filter's name.", completion: LiveCompletion.filters) var name: String
    @Option(help: "A stored email's id.") var email: Int64?
    @Option(help: "An .eml file.", completion: .file(extensions: ["eml"])) var file: String?

    func validate() throws {
      if (email == nil) == (file == nil) { throw ValidationError("give --email ID or --file FILE.eml") }
    }

    func run(in context: CommandContext) throws {
      let result = try context.session().testFilter(name, emailID: email, file: try file.map(context.readFile))
      try context.output.result(FilterTestJSON(result)) {
        (result.matches ? "matches: " : "does not match: ") + result.reason
          + (result.matches && result.matchesOnHeaders ? " (decided on the headers alone)" : "")
      }
    }
  }
}
