import EspoMailKit

/// What `config apply` prints: whether it was a dry run, and every change in the order made.
struct ConfigurationPlanJSON: JSONOutput {
  /// Whether nothing was changed.
  let dryRun: Bool
  /// The changes.
  let changes: [ConfigurationChange]

  /// The keys, spelled out: never renamed.
  private enum CodingKeys: String, CodingKey {
    case dryRun = "dryRun"
    case changes = "changes"
  }

  /// The keys of one change.
  private enum ChangeKeys: String, CodingKey {
    case action = "action"
    case section = "section"
    case name = "name"
    case fields = "fields"
  }

  /// Writes every key.
  func encode(to encoder: any Encoder) throws {
    var json = encoder.container(keyedBy: CodingKeys.self)
    try json.encode(dryRun, forKey: .dryRun)
    var list = json.nestedUnkeyedContainer(forKey: .changes)
    for change in changes {
      var item = list.nestedContainer(keyedBy: ChangeKeys.self)
      try item.encode(change.action.rawValue, forKey: .action)
      try item.encode(change.section.rawValue, forKey: .section)
      try item.encode(change.name, forKey: .name)
      try item.encode(change.fields, forKey: .fields)
    }
  }

  /// One change as a plan line: `+ account support`, `~ role Agent: email.read`, `- filter old`.
  static func line(_ change: ConfigurationChange) -> String {
    let mark = switch change.action {
    case .add: "+"
    case .change: "~"
    case .remove: "-"
    }
    let fields = change.fields.isEmpty ? "" : ": " + change.fields.joined(separator: ", ")
    return "\(mark) \(change.section.rawValue) \(change.name)\(fields)"
  }
}
