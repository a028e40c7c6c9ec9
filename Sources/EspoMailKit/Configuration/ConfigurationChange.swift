/// What kind of thing a configuration change touches: the document's sections.
public enum ConfigurationSection: String, CaseIterable, Codable, Sendable {
  /// A store-wide setting.
  case setting
  /// A role.
  case role
  /// A user.
  case user
  /// A team.
  case team
  /// A template.
  case template
  /// A group folder.
  case groupFolder = "group-folder"
  /// A mail account.
  case account
  /// A filter.
  case filter
  /// The system's default outbound account.
  case defaultOutbound = "default-outbound"
}

/// What a change does to its thing.
public enum ConfigurationAction: String, Codable, Sendable {
  /// It is created.
  case add
  /// It is changed in place.
  case change
  /// It is removed (only with `--prune`).
  case remove
}

/// One change of `config apply`, as its plan prints it.
public struct ConfigurationChange: Equatable, Sendable {
  /// Add, change or remove.
  public var action: ConfigurationAction
  /// The section.
  public var section: ConfigurationSection
  /// The thing's name (a login for users, a key for settings).
  public var name: String
  /// The fields that change, in the document's spelling.
  public var fields: [String]

  /// Creates a change.
  public init(_ action: ConfigurationAction, _ section: ConfigurationSection, _ name: String, fields: [String] = []) {
    self.action = action
    self.section = section
    self.name = name
    self.fields = fields
  }
}

/// How `config apply` runs.
public struct ConfigurationApplyOptions: Sendable {
  /// Only plan: change nothing.
  public var dryRun = false
  /// Remove accounts and filters the document lacks (otherwise such a plan is refused).
  public var prune = false
  /// Passed to accounts: unencrypted connections to hosts outside loopback are accepted.
  public var allowCleartext = false
  /// Passed to accounts: a personal account's address need not be one of its owner's.
  public var allowUnownedAddress = false

  /// Creates options.
  public init(dryRun: Bool = false, prune: Bool = false, allowCleartext: Bool = false, allowUnownedAddress: Bool = false) {
    self.dryRun = dryRun
    self.prune = prune
    self.allowCleartext = allowCleartext
    self.allowUnownedAddress = allowUnownedAddress
  }
}
