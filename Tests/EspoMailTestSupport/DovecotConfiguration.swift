/// The dovecot.conf of a test server: loopback only, maildir, no fsync, and one passwd-file per
/// user (Dovecot re-reads a passwd-file at most once a second, so users added in quick succession
/// to one shared file would not be seen at once).
struct DovecotConfiguration {
  /// The server's directory.
  let directory: String
  /// Who Dovecot runs as and who owns the mail.
  let owner: DovecotOwner
  /// Plain/STARTTLS port.
  let port: Int
  /// Implicit-TLS port.
  let tlsPort: Int
  /// Certificate PEM path.
  let certificate: String
  /// Private key PEM path.
  let key: String

  /// The configuration file's text.
  var text: String {
    """
    protocols = imap
    listen = 127.0.0.1
    base_dir = \(directory)/base
    state_dir = \(directory)/state
    log_path = \(directory)/log/dovecot.log
    info_log_path = \(directory)/log/dovecot-info.log
    instance_name = espomail-test-\(port)
    ssl = yes
    ssl_cert = <\(certificate)
    ssl_key = <\(key)
    disable_plaintext_auth = no
    auth_mechanisms = plain login xoauth2 oauthbearer
    auth_failure_delay = 0
    default_internal_user = \(owner.user)
    default_internal_group = \(owner.group)
    default_login_user = \(owner.user)
    first_valid_uid = \(owner.uid)
    last_valid_uid = \(owner.uid)
    first_valid_gid = 0
    mail_max_userip_connections = 100
    mail_fsync = never
    passdb {
      driver = passwd-file
      args = scheme=PLAIN username_format=%u \(directory)/users/%u
    }
    userdb {
      driver = static
      args = uid=\(owner.uid) gid=\(owner.gid) home=\(directory)/home/%u
    }
    mail_location = maildir:~/Maildir
    # The whole suite shares one server: with the default of 100 login processes (TLS sessions
    # keep theirs for their lifetime) Dovecot drops new connections under full-suite load.
    service imap-login {
      chroot =
      process_limit = 500
      inet_listener imap {
        address = 127.0.0.1
        port = \(port)
      }
      inet_listener imaps {
        address = 127.0.0.1
        port = \(tlsPort)
        ssl = yes
      }
    }
    service anvil {
      chroot =
      # No auth penalty: a wrong-password test must not slow the other tests' logins by seconds.
      unix_listener anvil-auth-penalty {
        mode = 0
      }
    }
    service imap {
      process_limit = 500
    }

    """
  }
}
