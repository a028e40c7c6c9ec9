internal import GRDB

extension Transaction {
  /// A store-wide setting, or nil when unset.
  public func setting(_ key: String) throws -> String? {
    try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
  }

  /// Sets (or, with nil, clears) a store-wide setting.
  public func setSetting(_ key: String, to value: String?) throws {
    if let value {
      try db.execute(
        sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        arguments: [key, value])
    } else {
      try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
    }
  }
}

/// Names of store-wide settings.
public enum SettingKey {
  /// "1" when contacts are parents in their own right, not mapped to their account.
  public static let b2cMode = "b2c-mode"
  /// Name of the group account used as the system sender.
  public static let defaultOutbound = "outbound.default"
}
