import EspoMailCore

extension Session {
  /// Makes the store's set-up match a document (admins only) and returns the changes, in the order
  /// they are made. With `dryRun` it changes nothing. Applying the same document twice changes
  /// nothing the second time. A plan that would remove an account or a filter is refused unless
  /// `prune` is set, and changes espomail cannot make (removing a user, changing an account's
  /// kind, creating an account whose password is sealed elsewhere, …) are refused before anything
  /// is written. Each change is its own transaction: a failure part-way stops there, and applying
  /// the document again goes on from where it stopped.
  public func applyConfiguration(
    _ desired: StoreConfiguration, options: ConfigurationApplyOptions = ConfigurationApplyOptions()
  ) throws -> [ConfigurationChange] {
    try requireAdmin("config apply")
    guard desired.version == StoreConfiguration.currentVersion else {
      throw EspoMailError.invalid(
        "configuration version \(desired.version)", "this espomail reads version \(StoreConfiguration.currentVersion)")
    }
    let plan = ConfigurationPlanner(session: self, current: try exportConfiguration(), desired: desired, options: options)
      .steps()
    let refusals = plan.compactMap(\.refusal)
    if !refusals.isEmpty {
      throw EspoMailError(
        .dataError, "the document asks for changes espomail will not make:\n  " + refusals.joined(separator: "\n  "),
        hint: "change the document or the store by hand first; 'config apply --dry-run' shows the whole plan")
    }
    if !options.dryRun {
      for step in plan { try step.perform() }
    }
    return plan.map(\.change)
  }
}

/// One planned change: what it is, and how it is made or why it is refused.
struct ConfigurationStep {
  /// The change as the plan prints it.
  var change: ConfigurationChange
  /// Why it cannot be made, or nil.
  var refusal: String?
  /// Makes it.
  var perform: () throws -> Void

  /// A change that can be made.
  init(_ change: ConfigurationChange, perform: @escaping () throws -> Void) {
    self.change = change
    self.refusal = nil
    self.perform = perform
  }

  /// A change that is refused.
  init(refused change: ConfigurationChange, because reason: String) {
    self.change = change
    self.refusal = "\(change.section.rawValue) '\(change.name)': \(reason)"
    self.perform = {}
  }
}
