import EspoMailCore

extension ConfigurationPlanner {
  /// Templates to add or rewrite.
  func templateSteps() -> [ConfigurationStep] {
    reconcile(
      current: current.templates, desired: desired.templates, name: \.name,
      add: { template in
        ConfigurationStep(ConfigurationChange(.add, .template, template.name)) {
          _ = try session.addTemplate(name: template.name, subject: template.subject, body: template.body, isHTML: template.html)
        }
      },
      change: { old, new in
        ConfigurationStep(ConfigurationChange(.change, .template, new.name, fields: changedFields(old, new))) {
          _ = try session.updateTemplate(name: new.name, subject: new.subject, body: new.body, isHTML: new.html)
        }
      },
      remove: { notRemovable(.template, $0.name, hint: "espomail does not remove templates") })
  }

  /// Group folders to add or share with other teams.
  func groupFolderSteps() -> [ConfigurationStep] {
    reconcile(
      current: current.groupFolders, desired: desired.groupFolders.map { $0.map(Self.sorted) },
      name: \.name,
      add: { folder in
        ConfigurationStep(ConfigurationChange(.add, .groupFolder, folder.name)) {
          _ = try session.addGroupFolder(folder.name, teams: folder.teams)
        }
      },
      change: { _, new in
        ConfigurationStep(ConfigurationChange(.change, .groupFolder, new.name, fields: ["teams"])) {
          _ = try session.setGroupFolderTeams(new.name, teams: new.teams)
        }
      },
      remove: { notRemovable(.groupFolder, $0.name, hint: "espomail does not remove group folders") })
  }

  /// Accounts to add or change, and (apart, to run last) accounts to remove.
  func accountSteps() -> (changes: [ConfigurationStep], removals: [ConfigurationStep]) {
    let steps = reconcile(
      current: current.accounts, desired: desired.accounts, name: \.name,
      add: accountAddition, change: accountChange,
      remove: { account in
        let change = ConfigurationChange(.remove, .account, account.name)
        guard options.prune else {
          return ConfigurationStep(
            refused: change, because: "it is not in the document; --prune removes it, with the mail state it holds")
        }
        return ConfigurationStep(change) { _ = try session.removeAccount(account.name) }
      })
    return (steps.filter { $0.change.action != .remove }, steps.filter { $0.change.action == .remove })
  }

  /// The system sender, when the document names another one.
  func outboundSteps() -> [ConfigurationStep] {
    guard let name = desired.defaultOutbound, name != current.defaultOutbound else {
      if desired.accounts != nil, desired.defaultOutbound == nil, let now = current.defaultOutbound {
        return [
          ConfigurationStep(
            refused: ConfigurationChange(.remove, .defaultOutbound, now),
            because: "the document names no default outbound account; espomail has no command to unset it")
        ]
      }
      return []
    }
    return [
      ConfigurationStep(ConfigurationChange(current.defaultOutbound == nil ? .add : .change, .defaultOutbound, name)) {
        _ = try session.setDefaultOutbound(name)
      }
    ]
  }

  /// Filter lists whose order or content differ are cut at their first difference and made again
  /// from there, in the document's order: a filter made again is removed just before (a name may
  /// also move to another list). Filters the document lacks are removed first, with `--prune`.
  func filterSteps() -> (removals: [ConfigurationStep], additions: [ConfigurationStep]) {
    guard let wanted = desired.filters else { return ([], []) }
    let existing = current.filters ?? []
    let wantedNames = Set(wanted.map(\.name))
    let existingByName = Dictionary(existing.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var remade: Set<String> = []
    for list in Set(existing.map(\.list)).union(wanted.map(\.list)) {
      let now = existing.filter { $0.list == list }
      let then = wanted.filter { $0.list == list }
      let same = zip(now, then).prefix { $0 == $1 }.count
      remade.formUnion(then.dropFirst(same).map(\.name))
    }
    let removals = existing.filter { !wantedNames.contains($0.name) }.map { filter in
      let change = ConfigurationChange(.remove, .filter, filter.name)
      guard options.prune else {
        return ConfigurationStep(refused: change, because: "it is not in the document; --prune removes it")
      }
      return ConfigurationStep(change) { _ = try session.removeFilter(filter.name) }
    }
    let additions = wanted.filter { remade.contains($0.name) }.map { filter in
      guard let before = existingByName[filter.name] else {
        return ConfigurationStep(ConfigurationChange(.add, .filter, filter.name)) { _ = try session.createFilter(filter.request) }
      }
      let fields = before == filter ? ["order"] : changedFields(before, filter)
      return ConfigurationStep(ConfigurationChange(.change, .filter, filter.name, fields: fields)) {
        _ = try session.removeFilter(filter.name)
        _ = try session.createFilter(filter.request)
      }
    }
    return (removals, additions)
  }

  /// A group folder with its teams in the export's order.
  static func sorted(_ folder: GroupFolderConfiguration) -> GroupFolderConfiguration {
    GroupFolderConfiguration(name: folder.name, teams: folder.teams.sorted())
  }
}
