import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The account a test Dovecot runs as: `nobody`/`nogroup` when started by root (Dovecot then never
/// runs as root), otherwise the current user.
struct DovecotOwner: Sendable {
  /// User name.
  let user: String
  /// Group name.
  let group: String
  /// User id.
  let uid: UInt32
  /// Group id.
  let gid: UInt32
  /// Whether the caller is root and the server must drop to `user`.
  let needsPrivilegeDrop: Bool

  /// The owner for the current process.
  static func current() throws -> DovecotOwner {
    let root = geteuid() == 0
    let uid = root ? try lookUpUser("nobody") : geteuid()
    guard let passwd = getpwuid(uid), let userName = passwd.pointee.pw_name else {
      throw DovecotError("cannot look up the user with uid \(uid)")
    }
    let gid = passwd.pointee.pw_gid
    guard let groupEntry = getgrgid(gid), let groupName = groupEntry.pointee.gr_name else {
      throw DovecotError("cannot look up the group with gid \(gid)")
    }
    return DovecotOwner(
      user: String(cString: userName), group: String(cString: groupName), uid: uid, gid: gid,
      needsPrivilegeDrop: root)
  }

  /// The uid of a named user.
  private static func lookUpUser(_ name: String) throws -> UInt32 {
    guard let passwd = getpwnam(name) else { throw DovecotError("there is no user '\(name)' to run Dovecot as") }
    return passwd.pointee.pw_uid
  }

  /// Makes `path` and everything below it belong to the owner, readable by others at the top.
  func take(_ path: String) throws {
    chmod(path, 0o755)
    guard needsPrivilegeDrop else { return }
    let below = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
    for entry in [path] + below.map({ path + "/" + $0 }) where lchown(entry, uid, gid) != 0 {
      throw DovecotError("cannot give \(entry) to \(user): errno \(errno)")
    }
  }
}
