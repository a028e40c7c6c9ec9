import EspoMailCore
import Foundation

/// Compares a store's set-up with a document and lists the steps that make them equal, in an
/// order where everything a step names exists before it runs.
struct ConfigurationPlanner {
  /// The session the steps act through.
  let session: Session
  /// The store's set-up now.
  let current: StoreConfiguration
  /// The document.
  let desired: StoreConfiguration
  /// Dry run, prune and account flags.
  let options: ConfigurationApplyOptions

  /// Every step, in the order they run.
  func steps() -> [ConfigurationStep] {
    let (filterRemovals, filterAdditions) = filterSteps()
    let (accountChanges, accountRemovals) = accountSteps()
    return settingSteps() + roleSteps() + userSteps() + teamSteps() + defaultTeamSteps() + templateSteps()
      + groupFolderSteps()
      + accountChanges + filterRemovals + filterAdditions + outboundSteps() + accountRemovals
  }

  /// Steps for one section of named things: adds and changes for what the document has, and a
  /// removal (or a refusal) for what only the store has. Nil sections are not managed.
  func reconcile<Item: Equatable>(
    current: [Item]?, desired: [Item]?, name: (Item) -> String,
    add: (Item) -> ConfigurationStep, change: (Item, Item) -> ConfigurationStep,
    remove: (Item) -> ConfigurationStep
  ) -> [ConfigurationStep] {
    guard let desired else { return [] }
    let existing = Dictionary((current ?? []).map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
    var steps: [ConfigurationStep] = []
    for item in desired {
      if let now = existing[name(item)] {
        if now != item { steps.append(change(now, item)) }
      } else {
        steps.append(add(item))
      }
    }
    let wanted = Set(desired.map(name))
    for item in current ?? [] where !wanted.contains(name(item)) { steps.append(remove(item)) }
    return steps
  }

  /// The names of the fields two values differ in, by their encoded keys.
  func changedFields<Item: Encodable>(_ old: Item, _ new: Item) -> [String] {
    let before = ConfigurationFields.of(old)
    let after = ConfigurationFields.of(new)
    return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
  }

  /// A refusal for a thing espomail has no command to remove.
  func notRemovable(_ section: ConfigurationSection, _ name: String, hint: String) -> ConfigurationStep {
    ConfigurationStep(
      refused: ConfigurationChange(.remove, section, name), because: "it is in the store but not in the document; \(hint)")
  }
}

/// A value's fields as JSON text by key, to name what changed.
enum ConfigurationFields {
  /// The top-level fields of an encodable value.
  static func of<Item: Encodable>(_ item: Item) -> [String: String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    guard let data = try? encoder.encode(item),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object.mapValues { value in
      guard let text = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else {
        return "\(value)"
      }
      return String(decoding: text, as: UTF8.self)
    }
  }
}
