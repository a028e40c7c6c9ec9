import ArgumentParser
import EspoMailKit

extension EspoMail {
  /// `espomail init`: creates the store; the calling OS login becomes its first admin.
  struct Init: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create the store; the calling OS login becomes its first admin.",
      discussion: """
        The store is an SQLite file, or a PostgreSQL database given as a connection URI (the database must be \
        empty; the sealing key goes to ESPOMAIL_KEY_FILE, default ~/.config/espomail/store.key).
        Examples:
          espomail --store /var/lib/espomail/store.sqlite init --name 'Mail Admin'
          espomail --store postgresql:///espomail?host=/run/postgresql init
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Display name of the first admin (default: the login).") var name: String?

    func run(in context: CommandContext) throws {
      let created = try Session.createStore(
        at: context.storePath, keyFile: context.keyFile, adminLogin: try context.requireLogin(), name: name)
      try context.output.result(StoreCreationJSON(created)) {
        "created store \(created.path); '\(created.admin)' is its first admin"
      }
    }
  }
}
