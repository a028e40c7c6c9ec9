import EspoMailCore

extension ConfigurationPlanner {
  /// Settings the document gives a value other than the store's.
  func settingSteps() -> [ConfigurationStep] {
    guard let settings = desired.settings else { return [] }
    let now = current.settings ?? [:]
    return settings.keys.sorted().compactMap { key in
      guard let value = settings[key], now[key] != value else { return nil }
      return ConfigurationStep(ConfigurationChange(.change, .setting, key, fields: ["value"])) {
        _ = try session.setSetting(key, value)
      }
    }
  }

  /// Roles to create or set; every permission is written, so a role ends exactly as described.
  func roleSteps() -> [ConfigurationStep] {
    reconcile(
      current: current.roles, desired: desired.roles, name: \.name,
      add: { role in
        ConfigurationStep(ConfigurationChange(.add, .role, role.name)) {
          _ = try session.createRole(role.name)
          _ = try session.setRole(role.name, Self.settingList(role))
        }
      },
      change: { old, new in
        let keys = Set(old.permissions.keys).union(new.permissions.keys).filter { old.permissions[$0] != new.permissions[$0] }
        return ConfigurationStep(ConfigurationChange(.change, .role, new.name, fields: keys.sorted())) {
          _ = try session.setRole(new.name, Self.settingList(new))
        }
      },
      remove: { notRemovable(.role, $0.name, hint: "espomail does not remove roles: take it from its users instead") })
  }

  /// Users to add or change: name, admin and active flags, addresses, roles, personal folders.
  func userSteps() -> [ConfigurationStep] {
    reconcile(
      current: current.users?.map(\.withoutDefaultTeam), desired: desired.users?.map(\.withoutDefaultTeam), name: \.login,
      add: { user in
        ConfigurationStep(ConfigurationChange(.add, .user, user.login)) {
          _ = try session.addUser(
            NewUser(
              login: user.login, name: user.name, addresses: user.addresses, isAdmin: user.admin, isActive: user.active,
              teams: []))
          for role in user.roles { _ = try session.addUserRole(user.login, role) }
          if !user.emailNotifications.isEmpty {
            _ = try session.setEmailNotificationTopics(user.emailNotifications, login: user.login)
          }
          for folder in user.folders {
            _ = try session.addFolder(folder.name, login: user.login, skipNotifications: folder.skipNotifications)
          }
        }
      },
      change: { old, new in userChange(old, new) },
      remove: {
        notRemovable(.user, $0.login, hint: "espomail keeps users for their mail's history: add it with active: false")
      })
  }

  /// The step that turns one user into another, or a refusal for folders it cannot change.
  private func userChange(_ old: UserConfiguration, _ new: UserConfiguration) -> ConfigurationStep {
    let change = ConfigurationChange(.change, .user, new.login, fields: changedFields(old, new))
    let oldFolders = Dictionary(old.folders.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let newFolderNames = Set(new.folders.map(\.name))
    if let gone = old.folders.first(where: { !newFolderNames.contains($0.name) }) {
      return ConfigurationStep(refused: change, because: "espomail does not remove personal folders ('\(gone.name)')")
    }
    if let changed = new.folders.first(where: { folder in oldFolders[folder.name].map { $0 != folder } ?? false }) {
      return ConfigurationStep(
        refused: change, because: "espomail cannot change the notification choice of folder '\(changed.name)'")
    }
    return ConfigurationStep(change) {
      let flags = UserChanges(
        name: old.name == new.name ? nil : new.name, isActive: old.active == new.active ? nil : new.active,
        isAdmin: old.admin == new.admin ? nil : new.admin)
      if flags.name != nil || flags.isActive != nil || flags.isAdmin != nil { _ = try session.setUser(new.login, flags) }
      if old.addresses != new.addresses {
        // Removed and added again in order: the first is primary, the rest keep the document's order.
        for address in old.addresses { _ = try session.removeUserAddress(new.login, address) }
        for (index, address) in new.addresses.enumerated() {
          _ = try session.addUserAddress(new.login, address, primary: index == 0)
        }
      }
      for role in new.roles where !old.roles.contains(role) { _ = try session.addUserRole(new.login, role) }
      for role in old.roles where !new.roles.contains(role) { _ = try session.removeUserRole(new.login, role) }
      if old.emailNotifications.sorted() != new.emailNotifications.sorted() {
        _ = try session.setEmailNotificationTopics(new.emailNotifications, login: new.login)
      }
      for folder in new.folders where oldFolders[folder.name] == nil {
        _ = try session.addFolder(folder.name, login: new.login, skipNotifications: folder.skipNotifications)
      }
    }
  }

  /// Steps that set users' default teams, after the teams have their members.
  func defaultTeamSteps() -> [ConfigurationStep] {
    let existing = Dictionary((current.users ?? []).map { ($0.login, $0.defaultTeam) }, uniquingKeysWith: { first, _ in first })
    return (desired.users ?? []).compactMap { user in
      guard (existing[user.login] ?? nil) != user.defaultTeam else { return nil }
      return ConfigurationStep(ConfigurationChange(.change, .user, user.login, fields: ["default-team"])) {
        _ = try session.setUser(user.login, UserChanges(defaultTeam: user.defaultTeam ?? ""))
      }
    }
  }

  /// Teams to add, and members to add, move to another position, or remove.
  func teamSteps() -> [ConfigurationStep] {
    reconcile(
      current: current.teams, desired: desired.teams, name: \.name,
      add: { team in
        ConfigurationStep(ConfigurationChange(.add, .team, team.name)) {
          _ = try session.addTeam(team.name)
          for member in team.members { _ = try session.addTeamMember(team.name, member.login, position: member.position) }
        }
      },
      change: { old, new in
        ConfigurationStep(ConfigurationChange(.change, .team, new.name, fields: ["members"])) {
          let before = Dictionary(old.members.map { ($0.login, $0) }, uniquingKeysWith: { first, _ in first })
          let after = Set(new.members.map(\.login))
          for member in old.members where !after.contains(member.login) {
            _ = try session.removeTeamMember(new.name, member.login)
          }
          // Adding a member again changes their position in place (they keep their default team).
          for member in new.members where before[member.login] != member {
            _ = try session.addTeamMember(new.name, member.login, position: member.position)
          }
        }
      },
      remove: { notRemovable(.team, $0.name, hint: "espomail does not remove teams: leave it without members") })
  }

  /// A role's permissions as `role set` takes them.
  static func settingList(_ role: RoleConfiguration) -> [String] {
    role.permissions.keys.sorted().map { "\($0)=\(role.permissions[$0] ?? "")" }
  }
}
