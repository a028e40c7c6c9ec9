import ArgumentParser

extension EspoMail {
  /// `espomail quarantine …`
  struct Quarantine: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Messages that could not be imported, kept with their bytes and reason (admins only).",
      subcommands: [List.self, Show.self, Retry.self, Drop.self])
  }
}
