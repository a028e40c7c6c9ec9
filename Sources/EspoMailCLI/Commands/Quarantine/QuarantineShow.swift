import ArgumentParser

extension EspoMail.Quarantine {
  /// `espomail quarantine show ID [--raw]`
  struct Show: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a held message's reason, or with --raw its bytes.",
      discussion: "Example: espomail quarantine show 3 --raw > broken.eml")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry's id.") var id: Int64
    @Flag(help: "Print the kept bytes.") var raw = false

    func run(in context: CommandContext) throws {
      let (entry, bytes) = try context.session().showQuarantine(id)
      if raw {
        context.output.raw(stdout: bytes)
        return
      }
      try context.output.result(QuarantineEntryJSON(entry)) {
        """
        entry:   \(entry.id) (\(entry.status.rawValue))
        account: \(entry.account.orDash) folder \(entry.folder.orDash) uid \(entry.uid.map { "\($0)" } ?? "-")
        size:    \(entry.size) bytes
        reason:  \(entry.reason)
        """
      }
    }
  }
}
