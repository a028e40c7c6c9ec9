import EspoMailCore
import Foundation

/// An account's secret as stored: sealed bytes, or a command to run.
public struct StoredSecret: Sendable {
  /// Where it comes from.
  public var source: SecretSource
  /// Sealed bytes (source `stored`).
  public var sealed: [UInt8]?
  /// The command (sources `command` and `oauth2-command`).
  public var command: String?
  /// Whether an admin set it: only then may a command secret run.
  public var setByAdmin: Bool

  /// Creates a stored secret.
  public init(source: SecretSource, sealed: [UInt8]?, command: String?, setByAdmin: Bool) {
    self.source = source
    self.sealed = sealed
    self.command = command
    self.setByAdmin = setByAdmin
  }
}

/// The checkpoint of one monitored folder.
public struct FolderCheckpoint: Equatable, Sendable {
  /// Folder name (UTF-8).
  public var folder: String
  /// UIDVALIDITY seen last, nil before the first sync.
  public var uidValidity: UInt32?
  /// Highest UID settled in the ledger for that UIDVALIDITY.
  public var lastUID: UInt32
  /// UIDNEXT seen at the last run, to skip folders where nothing moved.
  public var uidNext: UInt32?
  /// MESSAGES seen with that UIDNEXT: a folder is skipped only when both stayed put, since some
  /// servers (GNU imap4d) number new mail below the UIDNEXT they reported.
  public var messages: Int?

  /// Creates a checkpoint.
  public init(folder: String, uidValidity: UInt32?, lastUID: UInt32, uidNext: UInt32?, messages: Int? = nil) {
    self.folder = folder
    self.uidValidity = uidValidity
    self.lastUID = lastUID
    self.uidNext = uidNext
    self.messages = messages
  }
}

extension Transaction {
  /// Adds a mail account with its folders and teams; throws when the name is taken.
  public func insertMailAccount(_ account: MailAccount, ownerID: Int64?, secret: StoredSecret) throws -> Int64 {
    if try mailAccountID(name: account.name) != nil { throw EspoMailError.alreadyExists("email account", account.name) }
    let id = try db.insert("""
        INSERT INTO mail_account(name, kind, owner_user_id, address, is_active, imap_host, imap_port, imap_security,
          imap_username, imap_secret_kind, imap_secret, imap_secret_command, imap_secret_by_admin, fetch_since,
          keep_unread, portion, max_size_mb)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, [
        account.name, account.kind.rawValue, ownerID, account.address, account.isActive, account.imap.host,
        account.imap.port, account.imap.security.rawValue, account.imap.username, secret.source.rawValue,
        secret.sealed.map { Data($0) }, secret.command, secret.setByAdmin, account.fetchSince, account.keepUnread, account.portion,
        account.maxSizeMB,
      ])
    try setFolders(accountID: id, account.folders)
    try setTeams(accountID: id, account.teams)
    try setCaseSettings(accountID: id, account.cases)
    try setSendingSettings(accountID: id, account)
    try setServerSettings(accountID: id, account)
    try setRoutingSettings(accountID: id, account)
    return id
  }

  /// Rewrites an account's settings (not its secret, folders' checkpoints or health).
  public func updateMailAccount(_ account: MailAccount) throws {
    try db.execute("""
        UPDATE mail_account SET address = ?, is_active = ?, imap_host = ?, imap_port = ?, imap_security = ?,
          imap_username = ?, fetch_since = ?, keep_unread = ?, portion = ?, max_size_mb = ?
        WHERE id = ?
        """, [
        account.address, account.isActive, account.imap.host, account.imap.port, account.imap.security.rawValue,
        account.imap.username, account.fetchSince, account.keepUnread, account.portion, account.maxSizeMB, account.id,
      ])
    try setServerSettings(accountID: account.id, account)
    try setFolders(accountID: account.id, account.folders)
    try setTeams(accountID: account.id, account.teams)
    try setCaseSettings(accountID: account.id, account.cases)
    try setSendingSettings(accountID: account.id, account)
    try setRoutingSettings(accountID: account.id, account)
  }

  /// Stores where an account's mail goes: a group account's group folder and whether all its
  /// teams' users get it, and a personal account's folder map (folders by name; they must exist,
  /// the map's folders being the owner's).
  public func setRoutingSettings(accountID: Int64, _ account: MailAccount) throws {
    let folderID = try account.groupFolder.map { try groupFolderID(name: $0).orNotFound("group folder", $0) }
    try db.execute(
      "UPDATE mail_account SET group_folder_id = ?, add_all_team_users = ? WHERE id = ?",
      [folderID, account.addsAllTeamUsers, accountID])
    try db.execute("UPDATE mail_account_folder SET personal_folder_id = NULL WHERE account_id = ?", [accountID])
    for (imapFolder, folder) in account.folderMap.sorted(by: { $0.key < $1.key }) {
      let personalID = try db.value(
        Int64.self,
        "SELECT f.id FROM email_folder f JOIN mail_account a ON a.owner_user_id = f.user_id WHERE a.id = ? AND f.name = ?",
        [accountID, folder]
      ).orNotFound("folder", folder)
      try db.execute(
        "UPDATE mail_account_folder SET personal_folder_id = ? WHERE account_id = ? AND name = ?",
        [personalID, accountID, imapFolder])
    }
  }

  /// The owner's folder a personal account files mail from this IMAP folder in, or nil (inbox).
  public func personalFolderID(accountID: Int64, imapFolder: String) throws -> Int64? {
    try db.value(
      Int64.self, "SELECT personal_folder_id FROM mail_account_folder WHERE account_id = ? AND name = ?",
      [accountID, imapFolder])
  }

  /// Stores an account's SMTP, sharing, Sent folder and auto-reply settings (not the SMTP secret).
  public func setSendingSettings(accountID: Int64, _ account: MailAccount) throws {
    let templateID = try account.autoReply.template.map { name in
      try db.value(Int64.self, "SELECT id FROM template WHERE name = ?", [name]).orNotFound("template", name)
    }
    try db.execute("""
        UPDATE mail_account SET smtp_host = ?, smtp_port = ?, smtp_security = ?, smtp_username = ?, smtp_shared = ?,
          sent_folder = ?, auto_reply = ?, reply_template_id = ?, reply_from = ?, reply_from_name = ?, reply_to = ?
        WHERE id = ?
        """, [
        account.smtp?.host, account.smtp?.port, account.smtp?.security.rawValue, account.smtp?.username,
        account.isSMTPShared, account.sentFolder, account.autoReply.isOn, templateID, account.autoReply.from,
        account.autoReply.fromName, account.autoReply.replyTo, accountID,
      ])
  }

  /// Stores an account's login mechanisms, CA file, EHLO name, From name, Reply-To address and
  /// reply-all exclusion.
  public func setServerSettings(accountID: Int64, _ account: MailAccount) throws {
    try db.execute("""
        UPDATE mail_account SET imap_login_mechanism = ?, smtp_login_mechanism = ?, ca_file = ?, helo_name = ?,
          from_name = ?, reply_to_address = ?, uses_imap = ?, exclude_from_reply = ?
        WHERE id = ?
        """, [
        account.imap.loginMechanism.rawValue, (account.smtp?.loginMechanism ?? .auto).rawValue, account.caFile,
        account.heloName, account.fromName, account.replyToAddress, account.usesIMAP, account.excludeFromReply,
        accountID,
      ])
  }

  /// Counts a sent message the account's Sent folder refused, with the refusal.
  public func recordSentAppendFailure(accountID: Int64, error: String) throws {
    try db.execute(
      "UPDATE mail_account SET sent_append_failures = sent_append_failures + 1, last_sent_append_error = ? WHERE id = ?",
      [error, accountID])
  }

  /// Replaces an account's SMTP secret.
  public func setSMTPSecret(accountID: Int64, _ secret: StoredSecret) throws {
    try storeSecret(secret, prefix: "smtp", accountID: accountID)
  }

  /// An account's SMTP secret (falling back to its IMAP secret when none of its own is set).
  public func smtpSecret(accountID: Int64) throws -> StoredSecret? {
    try loadSecret(prefix: "smtp", accountID: accountID) ?? secret(accountID: accountID)
  }

  /// Stores an account's email-to-case settings (team and user by name; they must exist).
  public func setCaseSettings(accountID: Int64, _ settings: CaseSettings) throws {
    let caseTeamID = try settings.team.map { name in try self.teamID(name: name).orNotFound("team", name) }
    let assigneeID = try settings.assignTo.map { login in try self.userID(login: login).orNotFound("user", login) }
    try db.execute("""
        UPDATE mail_account SET create_case = ?, distribution = ?, case_team_id = ?, case_position = ?,
          assign_to_user_id = ? WHERE id = ?
        """, [
        settings.createCase, settings.distribution?.rawValue, caseTeamID, settings.position, assigneeID, accountID,
      ])
  }

  /// The user id the round-robin cursor of an account points at (the last one given a case).
  public func roundRobinCursor(accountID: Int64) throws -> Int64? {
    try db.value(Int64.self, "SELECT round_robin_cursor_user_id FROM mail_account WHERE id = ?", [accountID])
  }

  /// Moves an account's round-robin cursor.
  public func setRoundRobinCursor(accountID: Int64, userID: Int64) throws {
    try db.execute("UPDATE mail_account SET round_robin_cursor_user_id = ? WHERE id = ?", [userID, accountID])
  }

  /// Replaces an account's (IMAP) secret.
  public func setSecret(accountID: Int64, _ secret: StoredSecret) throws {
    try storeSecret(secret, prefix: "imap", accountID: accountID)
  }

  /// An account's (IMAP) secret.
  public func secret(accountID: Int64) throws -> StoredSecret? {
    try loadSecret(prefix: "imap", accountID: accountID)
  }

  /// Writes the `PREFIX_secret*` columns (prefix imap or smtp, never user input).
  private func storeSecret(_ secret: StoredSecret, prefix: String, accountID: Int64) throws {
    try db.execute("""
        UPDATE mail_account SET \(prefix)_secret_kind = ?, \(prefix)_secret = ?, \(prefix)_secret_command = ?,
          \(prefix)_secret_by_admin = ? WHERE id = ?
        """, [secret.source.rawValue, secret.sealed.map { Data($0) }, secret.command, secret.setByAdmin, accountID])
  }

  /// Reads the `PREFIX_secret*` columns; nil when no secret of that kind is set.
  private func loadSecret(prefix: String, accountID: Int64) throws -> StoredSecret? {
    guard
      let row = try db.row("""
          SELECT \(prefix)_secret_kind AS kind, \(prefix)_secret AS sealed, \(prefix)_secret_command AS command,
            \(prefix)_secret_by_admin AS by_admin
          FROM mail_account WHERE id = ?
          """, [accountID]),
      let source = SecretSource(rawValue: row["kind"] ?? "")
    else { return nil }
    let sealed: Data? = row["sealed"]
    return StoredSecret(
      source: source, sealed: sealed.map { [UInt8]($0) }, command: row["command"], setByAdmin: row["by_admin"])
  }

  /// Deletes an account; its emails stay (they may belong to other accounts and users).
  public func deleteMailAccount(id: Int64) throws {
    try db.execute("DELETE FROM mail_account WHERE id = ?", [id])
  }

  /// An account by name, or nil.
  public func mailAccount(name: String) throws -> MailAccount? {
    try db.row(try accountSelect() + " WHERE a.name = ?", [name]).map(mailAccount(from:))
  }

  /// An account by id, or nil.
  public func mailAccount(id: Int64) throws -> MailAccount? {
    try db.row(try accountSelect() + " WHERE a.id = ?", [id]).map(mailAccount(from:))
  }

  /// Every account, by name.
  public func mailAccounts() throws -> [MailAccount] {
    try db.rows(try accountSelect() + " ORDER BY a.name").map(mailAccount(from:))
  }

  /// How many fetch attempts each account has had, by account id: a counter, so that a run can
  /// tell whether another run attempted an account since it began, whatever the clocks say.
  public func fetchAttempts() throws -> [Int64: Int64] {
    Dictionary(
      uniqueKeysWithValues: try db.rows("SELECT id, fetch_attempts FROM mail_account").map {
        ($0["id"] as Int64, $0["fetch_attempts"] as Int64)
      })
  }

  /// How many fetch attempts the account has had.
  public func fetchAttempts(accountID: Int64) throws -> Int64 {
    try db.value(Int64.self, "SELECT fetch_attempts FROM mail_account WHERE id = ?", [accountID]) ?? 0
  }

  /// Records the outcome of a fetch attempt; a success ends a failure streak (and its notice).
  public func recordFetch(accountID: Int64, at time: String, error: String?) throws {
    if let error {
      try db.execute("""
          UPDATE mail_account SET last_attempt_at = ?, last_error = ?, consecutive_failures = consecutive_failures + 1,
            fetch_attempts = fetch_attempts + 1
          WHERE id = ?
          """, [time, error, accountID])
    } else {
      try db.execute("""
          UPDATE mail_account SET last_attempt_at = ?1, last_success_at = ?1, last_error = NULL, consecutive_failures = 0,
            failure_noticed = 0, fetch_attempts = fetch_attempts + 1
          WHERE id = ?2
          """, [time, accountID])
    }
  }

  /// The checkpoints of an account's monitored folders, in order.
  public func checkpoints(accountID: Int64) throws -> [FolderCheckpoint] {
    try db.rows("SELECT name, uid_validity, last_uid, uid_next, message_count FROM mail_account_folder WHERE account_id = ? ORDER BY position", [accountID]).map {
      FolderCheckpoint(
        folder: $0["name"], uidValidity: ($0["uid_validity"] as Int64?).map { UInt32(truncatingIfNeeded: $0) },
        lastUID: UInt32(truncatingIfNeeded: $0["last_uid"] as Int64),
        uidNext: ($0["uid_next"] as Int64?).map { UInt32(truncatingIfNeeded: $0) },
        messages: ($0["message_count"] as Int64?).map { Int($0) })
    }
  }

  /// Stores a folder's checkpoint.
  public func saveCheckpoint(accountID: Int64, _ checkpoint: FolderCheckpoint) throws {
    try db.execute("""
        UPDATE mail_account_folder SET uid_validity = ?, last_uid = ?, uid_next = ?, message_count = ?,
          checked_at = ?
        WHERE account_id = ? AND name = ?
        """, [
        checkpoint.uidValidity.map { Int64($0) }, Int64(checkpoint.lastUID), checkpoint.uidNext.map { Int64($0) },
        checkpoint.messages.map { Int64($0) }, Self.now, accountID, checkpoint.folder,
      ])
  }

  /// Forgets every folder's checkpoint so the next fetch rescans from the account's fetch-since date.
  public func resetCheckpoints(accountID: Int64) throws {
    try db.execute("UPDATE mail_account_folder SET uid_validity = NULL, last_uid = 0, uid_next = NULL, message_count = NULL WHERE account_id = ?", [accountID])
  }

  private func setFolders(accountID: Int64, _ folders: [String]) throws {
    let existing = Set(
      try db.values(String.self, "SELECT name FROM mail_account_folder WHERE account_id = ?", [accountID]))
    for (position, folder) in folders.enumerated() {
      if existing.contains(folder) {
        try db.execute("UPDATE mail_account_folder SET position = ? WHERE account_id = ? AND name = ?", [position, accountID, folder])
      } else {
        try db.execute("INSERT INTO mail_account_folder(account_id, name, position) VALUES (?, ?, ?)", [accountID, folder, position])
      }
    }
    for gone in existing.subtracting(folders) {
      try db.execute("DELETE FROM mail_account_folder WHERE account_id = ? AND name = ?", [accountID, gone])
    }
  }

  private func setTeams(accountID: Int64, _ teams: [String]) throws {
    try db.execute("DELETE FROM mail_account_team WHERE account_id = ?", [accountID])
    for team in teams {
      let teamID = try teamID(name: team).orNotFound("team", team)
      try db.execute("INSERT INTO mail_account_team(account_id, team_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [accountID, teamID])
    }
  }

  /// The query accounts are read with. The sealed passwords are never among its columns; the
  /// secret commands are, unless the connection may not read them (an agent's database role on
  /// PostgreSQL, Docs/security.md), which then sees none.
  private func accountSelect() throws -> String {
    let commands =
      try maySeeSecretCommands()
      ? "a.imap_secret_command, a.smtp_secret_command" : "NULL AS imap_secret_command, NULL AS smtp_secret_command"
    return """
      SELECT a.id, a.name, a.kind, a.address, a.is_active, a.imap_host, a.imap_port, a.imap_security, a.imap_username,
        a.imap_secret_kind, a.imap_secret_by_admin, a.fetch_since, a.keep_unread, a.portion, a.max_size_mb,
        a.smtp_host, a.smtp_port, a.smtp_security, a.smtp_username, a.smtp_secret_kind, a.smtp_secret_by_admin,
        a.smtp_shared, a.sent_folder, a.create_case, a.distribution, a.case_position, a.auto_reply, a.reply_from,
        a.reply_from_name, a.reply_to, a.last_success_at, a.last_attempt_at, a.last_error, a.consecutive_failures,
        a.imap_login_mechanism, a.smtp_login_mechanism, a.ca_file, a.helo_name, a.sent_append_failures,
        a.last_sent_append_error, a.from_name, a.reply_to_address, a.uses_imap, a.add_all_team_users,
        a.exclude_from_reply, a.failure_noticed, \(commands),
        u.login AS owner_login, t.name AS case_team_name, d.login AS assign_to_login,
        tp.name AS reply_template_name, gf.name AS group_folder_name
      FROM mail_account a LEFT JOIN "user" u ON u.id = a.owner_user_id LEFT JOIN team t ON t.id = a.case_team_id
      LEFT JOIN "user" d ON d.id = a.assign_to_user_id LEFT JOIN template tp ON tp.id = a.reply_template_id
      LEFT JOIN group_folder gf ON gf.id = a.group_folder_id
      """
  }

  /// Whether this connection may read the secret commands: always on SQLite; on PostgreSQL
  /// unless its role is an agent's.
  private func maySeeSecretCommands() throws -> Bool {
    guard db.engine == .postgresql else { return true }
    return try db.value(Bool.self, "SELECT has_column_privilege('mail_account', 'imap_secret_command', 'SELECT')") ?? false
  }

  private func mailAccount(from row: SQLRow) throws -> MailAccount {
    let id: Int64 = row["id"]
    let security = ConnectionSecurity(rawValue: row["imap_security"] ?? "") ?? .tls
    var account = MailAccount(
      id: id, name: row["name"], kind: MailAccountKind(rawValue: row["kind"]) ?? .group, owner: row["owner_login"],
      address: row["address"], isActive: row["is_active"],
      imap: ServerSettings(
        host: row["imap_host"] ?? "", port: row["imap_port"] ?? ServerSettings.defaultIMAPPort(security),
        security: security, username: row["imap_username"] ?? "",
        secretSource: SecretSource(rawValue: row["imap_secret_kind"] ?? "") ?? .stored,
        secretCommand: row["imap_secret_command"], secretSetByAdmin: row["imap_secret_by_admin"],
        loginMechanism: LoginMechanism(rawValue: row["imap_login_mechanism"] ?? "") ?? .auto),
      folders: try db.values(String.self, "SELECT name FROM mail_account_folder WHERE account_id = ? ORDER BY position", [id]),
      fetchSince: row["fetch_since"], keepUnread: row["keep_unread"], portion: row["portion"],
      maxSizeMB: row["max_size_mb"],
      teams: try db.values(String.self, "SELECT t.name FROM mail_account_team m JOIN team t ON t.id = m.team_id WHERE m.account_id = ? ORDER BY t.name", [id]),
      health: AccountHealth(
        lastSuccessAt: row["last_success_at"], lastAttemptAt: row["last_attempt_at"], lastError: row["last_error"],
        consecutiveFailures: row["consecutive_failures"]),
      cases: CaseSettings(
        createCase: row["create_case"], distribution: (row["distribution"] as String?).flatMap(CaseDistribution.init),
        team: row["case_team_name"], position: row["case_position"], assignTo: row["assign_to_login"]))
    if let host: String = row["smtp_host"] {
      let smtpSecurity = ConnectionSecurity(rawValue: row["smtp_security"] ?? "") ?? .starttls
      let kind = SecretSource(rawValue: row["smtp_secret_kind"] ?? "")
      account.smtp = ServerSettings(
        host: host, port: row["smtp_port"] ?? ServerSettings.defaultSMTPPort(smtpSecurity), security: smtpSecurity,
        username: row["smtp_username"] ?? "", secretSource: kind ?? account.imap.secretSource,
        secretCommand: kind == nil ? account.imap.secretCommand : row["smtp_secret_command"],
        secretSetByAdmin: kind == nil ? account.imap.secretSetByAdmin : row["smtp_secret_by_admin"],
        loginMechanism: LoginMechanism(rawValue: row["smtp_login_mechanism"] ?? "") ?? .auto)
    }
    account.caFile = row["ca_file"]
    account.heloName = row["helo_name"]
    account.fromName = row["from_name"]
    account.replyToAddress = row["reply_to_address"]
    account.usesIMAP = row["uses_imap"]
    account.groupFolder = row["group_folder_name"]
    account.addsAllTeamUsers = row["add_all_team_users"]
    account.folderMap = Dictionary(
      uniqueKeysWithValues: try db.rows("""
          SELECT m.name AS imap_folder, f.name AS folder FROM mail_account_folder m
          JOIN email_folder f ON f.id = m.personal_folder_id WHERE m.account_id = ?
          """, [id]).map { ($0["imap_folder"] as String, $0["folder"] as String) })
    account.excludeFromReply = row["exclude_from_reply"]
    account.failureNoticed = row["failure_noticed"]
    account.sentAppend = SentAppendHealth(
      failures: row["sent_append_failures"], lastError: row["last_sent_append_error"])
    account.isSMTPShared = row["smtp_shared"]
    account.sentFolder = row["sent_folder"]
    account.autoReply = AutoReplySettings(
      isOn: row["auto_reply"], template: row["reply_template_name"], from: row["reply_from"],
      fromName: row["reply_from_name"], replyTo: row["reply_to"])
    return account
  }
}
