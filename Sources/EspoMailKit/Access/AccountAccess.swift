import EspoMailCore

/// Who may see, change, fetch and send through mail accounts, and set their secrets (Docs/security.md,
/// "Accounts"): group accounts are admins'; a personal account is its owner's when their role grants
/// personal-email-accounts, and admins'; only admins set command secrets, because a command runs
/// with the privileges of whoever fetches (often root's cron). The one place these rules are written.
struct AccountAccess {
  /// The acting user.
  let user: User
  /// The acting user's merged role permissions.
  let permissions: RolePermissions

  /// Whether the user owns a personal account with this owner login (logins match exactly).
  func owns(_ owner: String?) -> Bool { owner == user.login }

  /// Whether the user may see the account's settings and health.
  func maySee(_ account: MailAccount) -> Bool { user.isAdmin || owns(account.owner) }

  /// Whether the user may fetch the account.
  func mayFetch(_ account: MailAccount) -> Bool {
    user.isAdmin || (account.kind == .personal && owns(account.owner) && permissions.personalEmailAccounts)
  }

  /// Throws unless the user may add or change an account of this kind and owner; returns the
  /// owner's login (nil for group accounts).
  func requireManage(kind: MailAccountKind, owner: String?, action: String) throws -> String? {
    switch kind {
    case .group:
      guard user.isAdmin else { throw EspoMailError.denied(action, because: "only admins manage group accounts") }
      return nil
    case .personal:
      guard let owner else { throw EspoMailError(.usage, "a personal account needs --owner LOGIN") }
      if user.isAdmin { return owner }
      guard owns(owner) else {
        throw EspoMailError.denied(action, because: "only admins manage other users' personal accounts")
      }
      guard permissions.personalEmailAccounts else {
        throw EspoMailError.denied(action, because: "no role of '\(user.login)' grants personal-email-accounts=yes")
      }
      return owner
    }
  }

  /// Throws unless the user may give an account this secret: commands only from admins.
  func requireMaySet(_ secret: SecretInput, flag: String) throws {
    switch secret {
    case .password: return
    case .command, .oauth2Command:
      guard user.isAdmin else {
        throw EspoMailError.denied(
          flag, because: "only admins set command secrets: a command runs as whoever fetches, often root's cron",
          hint: "give the password with --password-stdin instead, or ask an admin to set the command")
      }
    }
  }

  /// Throws unless `address` is one of the owner's addresses, for a personal account; an admin may
  /// override with `allowUnowned` (`--allow-unowned-address`).
  func requireOwnedAddress(_ address: String, owner: User, allowUnowned: Bool) throws {
    guard !owner.addresses.contains(where: { $0.lowercased() == address.lowercased() }) else { return }
    if allowUnowned {
      guard user.isAdmin else { throw EspoMailError.denied("--allow-unowned-address", because: "only admins may override") }
      return
    }
    throw EspoMailError.denied(
      "personal account address \(address)", because: "it is not one of \(owner.login)'s addresses",
      hint: owner.addresses.isEmpty
        ? "add it first: espomail user email add \(owner.login) \(address) (admins)"
        : "use one of \(owner.addresses.joined(separator: ", ")), or an admin adds the address to \(owner.login)")
  }

  /// Throws unless the server is reached encrypted, or on loopback, or an admin accepted cleartext
  /// with `--allow-cleartext`.
  func requireProtected(_ server: ServerSettings, _ protocolName: String, allowCleartext: Bool) throws {
    guard server.security == .none, !ConnectionSecurity.isLoopback(host: server.host) else { return }
    guard allowCleartext else {
      throw EspoMailError.invalid(
        "\(protocolName) security none to \(server.host)",
        "the password and all mail would cross the network unencrypted; use tls or starttls, or an admin "
          + "accepts the risk with --allow-cleartext")
    }
    guard user.isAdmin else { throw EspoMailError.denied("--allow-cleartext", because: "only admins accept cleartext") }
  }

  /// Whether the user may send as `from` through the account's SMTP: their own personal account
  /// with one of their own addresses, when their role grants personal-email-accounts (admins need
  /// no role); a group account for admins, or when it is shared and the group-email-account
  /// permission reaches it.
  func maySend(through account: MailAccount, as from: String) -> Bool {
    switch account.kind {
    case .personal:
      return owns(account.owner) && (user.isAdmin || permissions.personalEmailAccounts) && isOwnAddress(from)
    case .group:
      if user.isAdmin { return true }
      guard account.isSMTPShared else { return false }
      switch permissions.groupEmailAccount {
      case .all: return true
      case .team: return !Set(account.teams).isDisjoint(with: user.teams)
      case .no: return false
      }
    }
  }

  /// Whether the user may send as `from` through the system sender: only one of their own
  /// addresses, and only when an admin lends the system sender (`setting set outbound-shared yes`).
  func maySendOwnAddress(_ from: String, throughSystemSender isShared: Bool) -> Bool {
    isShared && isOwnAddress(from)
  }

  /// Whether `address` is one of the user's own addresses.
  private func isOwnAddress(_ address: String) -> Bool {
    user.addresses.contains { $0.lowercased() == address.lowercased() }
  }
}
