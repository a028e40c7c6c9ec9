import ArgumentParser
import EspoMailKit

extension EspoMail.Settings {
  /// `espomail setting list`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List every store-wide setting with its value, default, accepted values and meaning.",
      discussion: "Example: espomail setting list --format json")

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let entries = try context.session().settingEntries()
      try context.output.result(entries.map(SettingEntryJSON.init)) {
        TextTable(
          headers: ["SETTING", "VALUE", "DEFAULT", "ACCEPTS", "MEANING"],
          rows: entries.map { [$0.key, $0.value, $0.defaultValue, $0.accepted, $0.meaning] }
        ).render(empty: "no settings")
      }
    }
  }
}
