import EspoMailCore
import Foundation

/// Who runs this process: the login of its real uid, looked up in the password database, never
/// taken from environment variables a caller could set. espomail runs with no privileges but its
/// caller's: a setuid or setgid binary is refused (Docs/security.md, "Trust model").
public enum OperatingSystemLogin {
  /// The real user's login, or nil when the uid has no password entry.
  public static func current() -> String? {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }

  /// Why this process must not run, when its effective uid or gid differs from the real one
  /// (installed setuid or setgid); nil when it runs with its caller's own privileges.
  public static func elevationRefusal() -> EspoMailError? {
    guard getuid() != geteuid() || getgid() != getegid() else { return nil }
    return EspoMailError(
      .permissionDenied,
      "espomail is running with privileges that are not its caller's (real uid \(getuid()), effective uid "
        + "\(geteuid()); real gid \(getgid()), effective gid \(getegid())), and refuses to",
      hint: "remove the setuid/setgid bit (chmod u-s,g-s on the binary); a store is shared through "
        + "PostgreSQL, not a privileged binary (Docs/security.md)")
  }
}
