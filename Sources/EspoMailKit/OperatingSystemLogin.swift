import Foundation

/// The login of the operating-system user running this process (the effective uid), looked up in
/// the password database, never taken from environment variables a caller could set.
public enum OperatingSystemLogin {
  /// The effective user's login, or nil when the uid has no password entry.
  public static func current() -> String? {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }
}
