import ArgumentParser

extension EspoMail.Keys {
  /// `espomail key create`
  struct Create: EspoCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create the store's key file when it has none (admins only).",
      discussion: """
        'init' creates the key (STORE.key, 0600). This is for a store made before that, or whose key \
        was lost: passwords sealed with a lost key cannot be opened, and the accounts holding them \
        are listed to be set again. An existing key is never replaced (exit 65).
        Example: espomail key create
        """)

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) throws {
      let created = try context.session().createKey()
      try context.output.result(KeyCreationJSON(created)) {
        var lines = ["created \(created.path)"]
        if !created.accountsToReset.isEmpty {
          lines.append(
            "stored passwords of these accounts were sealed with another key; set them again with "
              + "'espomail account set NAME --password-stdin': " + created.accountsToReset.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
      }
    }
  }
}
