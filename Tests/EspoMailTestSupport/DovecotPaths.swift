/// Where the programs a test Dovecot needs live on Debian.
enum DovecotPaths {
  /// The Dovecot master.
  static let dovecot = "/usr/sbin/dovecot"
  /// Dovecot's admin tool, used to deliver mail and manage folders.
  static let doveadm = "/usr/bin/doveadm"
  /// Makes the throwaway certificate.
  static let openssl = "/usr/bin/openssl"
  /// Drops root privileges for the master.
  static let setpriv = "/usr/bin/setpriv"
}
