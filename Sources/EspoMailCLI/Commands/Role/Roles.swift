import ArgumentParser

extension EspoMail {
  /// `espomail role …`
  struct Roles: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "role", abstract: "Manage roles: access levels per scope and mail permissions.",
      discussion: """
        Levels: no|own|team|all for read, edit and delete on the scopes email, case, account, \
        contact, lead and opportunity; yes|no for create; personal-email-accounts=yes|no; \
        group-email-account=no|team|all. A user without roles has no access.
        """,
      subcommands: [Create.self, List.self, Show.self, Change.self, Preview.self])
  }
}
