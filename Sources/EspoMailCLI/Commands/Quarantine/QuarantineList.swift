import ArgumentParser

extension EspoMail.Quarantine {
  /// `espomail quarantine list [--all]`
  struct List: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "List held messages (with --all, also imported and dropped ones).",
      discussion: "Example: espomail quarantine list --format json")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Include entries already retried or dropped.") var all = false

    func run(in context: CommandContext) throws {
      let entries = try context.session().listQuarantine(all: all)
      try context.output.result(entries.map(QuarantineEntryJSON.init)) {
        TextTable(
          headers: ["ID", "STATUS", "ACCOUNT", "FOLDER", "UID", "SIZE", "REASON"],
          rows: entries.map {
            [
              "\($0.id)", $0.status.rawValue, $0.account.orDash, $0.folder.orDash, $0.uid.map { "\($0)" } ?? "-", "\($0.size)",
              $0.reason,
            ]
          }
        ).render(empty: "quarantine is empty")
      }
    }
  }
}
