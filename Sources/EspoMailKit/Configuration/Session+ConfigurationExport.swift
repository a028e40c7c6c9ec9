import EspoMailCore

extension Session {
  /// The store's whole set-up as one document (admins only): every section, in a stable order,
  /// secrets by reference only.
  public func exportConfiguration() throws -> StoreConfiguration {
    try requireAdmin("config export")
    let users = try listUsers().sorted { $0.login < $1.login }
    return StoreConfiguration(
      settings: try settings(),
      users: try users.map { user in
        UserConfiguration(
          login: user.login, name: user.name, admin: user.isAdmin, active: user.isActive, addresses: user.addresses,
          roles: user.roles.sorted(),
          folders: try listFolders(login: user.login).map {
            FolderConfiguration(name: $0.name, skipNotifications: $0.skipNotifications)
          }, defaultTeam: user.defaultTeam, emailNotifications: user.emailNotifications)
      },
      teams: try listTeams().sorted { $0.name < $1.name }.map { team in
        TeamConfiguration(
          name: team.name,
          members: team.members.map { MemberConfiguration(login: $0.login, position: $0.position) }
            .sorted { $0.login < $1.login })
      },
      roles: try listRoles().sorted { $0.name < $1.name }.map {
        RoleConfiguration(name: $0.name, permissions: $0.permissions.settings)
      },
      templates: try listTemplates().sorted { $0.name < $1.name }.map {
        TemplateConfiguration(name: $0.name, subject: $0.subject, body: $0.body, html: $0.isHTML)
      },
      groupFolders: try listGroupFolders().sorted { $0.name < $1.name }.map {
        GroupFolderConfiguration(name: $0.name, teams: $0.teams.sorted())
      },
      accounts: try listAccounts().sorted { $0.name < $1.name }.map(AccountConfiguration.init),
      filters: try listFilters(user: nil).map(FilterConfiguration.init),
      defaultOutbound: try outboundStatus().account)
  }
}
