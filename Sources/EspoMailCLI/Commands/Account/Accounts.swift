import ArgumentParser

extension EspoMail {
  /// `espomail account …`: the IMAP mailboxes espomail monitors.
  struct Accounts: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "account", abstract: "Manage group and personal email accounts.",
      discussion: """
        Group accounts are shared mailboxes managed by admins; their mail goes to their teams. Personal \
        accounts belong to one user, who may manage them when a role grants personal-email-accounts=yes. \
        Passwords are never printed; ESPOMAIL_CA_FILE names extra CA certificates to trust.
        """,
      subcommands: [
        Add.self, List.self, Show.self, Change.self, Remove.self, Test.self, Reset.self, Status.self,
      ])
  }
}
