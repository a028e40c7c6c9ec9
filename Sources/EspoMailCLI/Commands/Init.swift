import ArgumentParser
import EspoMailKit

extension EspoMail {
  /// `espomail init`: creates the store; the calling OS login becomes its first admin.
  struct Init: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create the store; the calling OS login becomes its first admin.",
      discussion: "Example: espomail --store /var/lib/espomail/store.sqlite init --name 'Mail Admin'")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Display name of the first admin (default: the login).") var name: String?

    func run(in context: CommandContext) throws {
      let created = try Session.createStore(
        at: context.storePath, adminLogin: try context.requireLogin(), name: name)
      try context.output.result(StoreCreationJSON(created)) {
        "created store \(created.path); '\(created.admin)' is its first admin"
      }
    }
  }
}
