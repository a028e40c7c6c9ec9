import ArgumentParser
import EspoMailKit

extension EspoMail.Settings {
  /// `espomail setting set KEY VALUE`
  struct Set: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a store-wide setting (admins only).",
      discussion: "b2c-mode yes|no: \(StoreSetting.b2cMode.meaning). Example: espomail setting set b2c-mode yes")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The setting.", completion: .list(StoreSetting.allCases.map(\.rawValue))) var key: String
    @Argument(help: "yes or no.") var value: String

    func run(in context: CommandContext) throws {
      let values = try context.session().setSetting(key, value)
      try context.output.result(values) { "\(key.lowercased()) is now \(values[key.lowercased()] ?? value)" }
    }
  }
}
