
extension Transaction {
  /// A store-wide setting, or nil when unset.
  public func setting(_ key: SettingKey) throws -> String? {
    try db.value(String.self, "SELECT value FROM setting WHERE key = ?", [key.rawValue])
  }

  /// Sets (or, with nil, clears) a store-wide setting.
  public func setSetting(_ key: SettingKey, to value: String?) throws {
    if let value {
      try db.execute("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key.rawValue, value])
    } else {
      try db.execute("DELETE FROM setting WHERE key = ?", [key.rawValue])
    }
  }
}

/// The keys of the `setting` table: every store-wide setting, the one vocabulary of them.
public enum SettingKey: String, CaseIterable, Sendable {
  /// "1" when contacts are parents in their own right, not mapped to their account.
  case b2cMode = "b2c-mode"
  /// At most this many auto-replies to one sender per period.
  case autoReplyLimit = "auto-reply-limit"
  /// The auto-reply limit's period in hours.
  case autoReplyPeriodHours = "auto-reply-period-hours"
  /// At most this many personal accounts a user adds for themselves.
  case personalAccountLimit = "personal-account-limit"
  /// "1" when users may send from their own addresses through the system sender.
  case outboundShared = "outbound-shared"
  /// Failed fetches in a row after which admins and the owner are told by mail (0: never).
  case accountFailureNotice = "account-failure-notice"
  /// Name of the group account used as the system sender (set by `outbound set-default`).
  case defaultOutbound = "outbound.default"
}
