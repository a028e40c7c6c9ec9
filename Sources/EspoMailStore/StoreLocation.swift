import Foundation

/// Where `--store` points: a file path (SQLite) or a PostgreSQL connection URI in libpq's form
/// (`postgresql://user@host:port/dbname`, `postgresql:///dbname?host=/run/postgresql`).
public enum StoreLocation {
  /// The URI when `location` names a PostgreSQL database, else nil (a file path).
  public static func postgresURI(_ location: String) -> String? {
    location.hasPrefix("postgresql://") || location.hasPrefix("postgres://") ? location : nil
  }

  /// The engine `location` names.
  public static func engine(of location: String) -> StoreEngine {
    postgresURI(location) == nil ? .sqlite : .postgresql
  }

  /// A URI as it may be shown: the password, if the URI carries one, replaced by `***`.
  public static func redacted(_ uri: String) -> String {
    guard var components = URLComponents(string: uri), components.password != nil else {
      return uri.replacingOccurrences(of: #"password=[^&]*"#, with: "password=***", options: .regularExpression)
    }
    components.password = "***"
    return (components.string ?? uri)
      .replacingOccurrences(of: #"password=[^&]*"#, with: "password=***", options: .regularExpression)
  }

  /// Where the sealing key of a PostgreSQL store is looked for when ESPOMAIL_KEY_FILE is not set:
  /// `$XDG_CONFIG_HOME/espomail/store.key`, or `~/.config/espomail/store.key`.
  public static var defaultPostgresKeyFile: String {
    let environment = ProcessInfo.processInfo.environment
    let config =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    return config + "/espomail/store.key"
  }
}
