import ArgumentParser
import EspoMailKit

extension EspoMail.Settings {
  /// `espomail setting set KEY VALUE`
  struct Change: EspoCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change a store-wide setting (admins only).",
      discussion: StoreSetting.allCases.map { "\($0.rawValue) (\($0.accepted), default \($0.defaultValue)): \($0.meaning)." }
        .joined(separator: "\n") + "\nExample: espomail setting set auto-reply-limit 3")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The setting.", completion: .list(StoreSetting.allCases.map(\.rawValue))) var key: String
    @Argument(help: "The new value (see the list above).") var value: String

    func run(in context: CommandContext) throws {
      let values = try context.session().setSetting(key, value)
      try context.output.result(SettingValuesJSON(values)) { "\(key.lowercased()) is now \(values[key.lowercased()] ?? value)" }
    }
  }
}
