internal import GRDB

/// The store's migrations, in order. Never edit a shipped migration: add a new one.
enum Schema {
  /// The migrations, oldest first: a name and its SQL. 0004 was named after 0003, which reached
  /// the main line first; 0004 rebuilds `email` (SQLite cannot drop a UNIQUE constraint in place)
  /// and 0005 `fetch_ledger` (nor change a CHECK constraint), which GRDB runs with foreign keys off
  /// and checks them all before it commits.
  static let migrations: [(name: String, sql: String)] = [
    ("0001-initial", initial),
    ("0002-threading", threading),
    ("0003-secret-provenance", secretProvenance),
    ("0004-message-fingerprint", messageFingerprint),
    ("0005-expunged-outcome", expungedOutcome),
    ("0006-database-roles", databaseRoles),
    ("0007-fetch-attempts", fetchAttempts),
    ("0008-user-email-dates", userEmailDates),
    ("0009-parse-decisions", parseDecisions),
    ("0010-server-login", serverLogin),
    ("0011-account-identity", accountIdentity),
    ("0012-send-only-accounts", sendOnlyAccounts),
    ("0013-agent-writes", sendRequests),
    ("0014-team-folders-and-conversion", teamFoldersAndConversion),
    ("0015-notification-mail", notificationMail),
    ("0016-raw-message-lz4", ""),
    ("0017-search-words", searchWords),
    ("0018-email-body-lz4", ""),
  ]

  /// Swift work a migration does after its SQL, in the same transaction.
  static let followUps: [String: @Sendable (any SQLConnection) throws -> Void] = [
    "0017-search-words": { try SearchIndexRebuild.run($0) }
  ]

  /// The search index holds each email's distinct words as `SearchDocument` makes them (the same
  /// words PostgreSQL's index holds), with no positions and split again only at spaces; every
  /// stored email is indexed again by the follow-up (Docs/store-schema.md).
  static let searchWords = """
    DROP TABLE email_search;
    CREATE VIRTUAL TABLE email_search USING fts5(words, content='', detail=none, tokenize='ascii');
    """

  /// Group accounts' mail given (or not) to all their teams' users, users' default teams, a
  /// personal account's IMAP folders filed in its owner's folders, leads converted into accounts,
  /// contacts and opportunities, and an index for group-folder listings (Docs/store-schema.md).
  static let teamFoldersAndConversion = """
    ALTER TABLE mail_account ADD COLUMN add_all_team_users INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE mail_account_folder ADD COLUMN personal_folder_id INTEGER REFERENCES email_folder(id) ON DELETE SET NULL;
    ALTER TABLE user ADD COLUMN default_team_id INTEGER REFERENCES team(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_account_id INTEGER REFERENCES crm_account(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_opportunity_id INTEGER REFERENCES opportunity(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_at TEXT;
    CREATE INDEX email_group_folder ON email(group_folder_id, group_status_folder);
    """

  /// A group account's From name and Reply-To address for the mail people send through it
  /// (Docs/email-to-case.md, "Sending as the team"). Both engines run this same SQL.
  static let accountIdentity = """
    ALTER TABLE mail_account ADD COLUMN from_name TEXT;
    ALTER TABLE mail_account ADD COLUMN reply_to_address TEXT;
    """

  /// Whether an account is fetched over IMAP: a send-only account (a no-reply or system sender)
  /// has SMTP and no IMAP (Docs/email-to-case.md, "Send-only accounts"). Both engines run this SQL.
  static let sendOnlyAccounts = """
    ALTER TABLE mail_account ADD COLUMN uses_imap INTEGER NOT NULL DEFAULT 1;
    """

  /// Mail a user asked to send and the fetch service sends for them, as them (Docs/security.md,
  /// "Sending as an agent"): an agent's own database role may not open sealed passwords. The rest
  /// of 0013, which lets agents' roles write what their levels allow, is PostgreSQL's only
  /// (`PostgresAgentWrites`): an SQLite store has no database roles.
  static let sendRequests = """
    CREATE TABLE send_request (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      requested_by_user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
      from_address TEXT NOT NULL,
      recipients TEXT NOT NULL,           -- JSON: {"to": [...], "cc": [...], "bcc": [...]}, as given
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      parent_type TEXT CHECK (parent_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      parent_id INTEGER,
      reply_to_email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      reply_all INTEGER NOT NULL DEFAULT 0,
      template TEXT,
      status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      error TEXT,
      email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      finished_at TEXT
    );
    CREATE INDEX send_request_status ON send_request(status, id);
    CREATE INDEX send_request_user ON send_request(requested_by_user_id, id);
    CREATE TABLE send_request_attachment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      request_id INTEGER NOT NULL REFERENCES send_request(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      bytes BLOB NOT NULL
    );
    CREATE INDEX send_request_attachment_request ON send_request_attachment(request_id);
    """

  /// Notifications by email, reply-all exclusions and template attachments (Docs/notifications.md):
  /// each user's email-notification topics; a notification's mail still to be considered
  /// (`mail_pending`, 1 for notifications made from now on, so older ones are never mailed); a
  /// group account's addresses left out of reply-all; whether admins were told of an account's
  /// current failure streak; and attachments that belong to a template. Both engines run this SQL.
  static let notificationMail = """
    ALTER TABLE "user" ADD COLUMN email_notifications TEXT NOT NULL DEFAULT '';
    ALTER TABLE notification ADD COLUMN mail_pending INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX notification_mail_pending ON notification(id) WHERE mail_pending = 1;
    ALTER TABLE mail_account ADD COLUMN exclude_from_reply INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mail_account ADD COLUMN failure_noticed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE attachment ADD COLUMN template_id INTEGER REFERENCES template(id) ON DELETE CASCADE;
    CREATE INDEX attachment_template ON attachment(template_id) WHERE template_id IS NOT NULL;
    """

  /// Builds the migrator every open runs.
  static func migrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for migration in migrations {
      migrator.registerMigration(migration.name) { db in
        try db.execute(sql: migration.sql)
        try followUps[migration.name]?(SQLiteConnection(db))
      }
    }
    return migrator
  }

  /// Per-account login mechanisms for IMAP and SMTP, a CA file, the EHLO name, and the count and
  /// last error of Sent-folder appends the server refused (Docs/store-schema.md).
  static let serverLogin = """
    ALTER TABLE mail_account ADD COLUMN imap_login_mechanism TEXT NOT NULL DEFAULT 'auto';
    ALTER TABLE mail_account ADD COLUMN smtp_login_mechanism TEXT NOT NULL DEFAULT 'auto';
    ALTER TABLE mail_account ADD COLUMN ca_file TEXT;
    ALTER TABLE mail_account ADD COLUMN helo_name TEXT;
    ALTER TABLE mail_account ADD COLUMN sent_append_failures INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mail_account ADD COLUMN last_sent_append_error TEXT;
    ALTER TABLE mail_account_folder ADD COLUMN message_count INTEGER;
    """

  /// Decisions may have the step `parse`: how a malformed message was read (blank lines or an mbox
  /// envelope before its header, no blank line after it; Docs/mail-parsing.md). SQLite cannot change
  /// a CHECK constraint in place, so `decision` is rebuilt with every row and id kept.
  static let parseDecisions = """
    CREATE TABLE decision_new (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email_id INTEGER NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      step TEXT NOT NULL
        CHECK (step IN ('duplicate', 'filter', 'parent', 'users', 'case', 'assignment', 'auto-reply', 'notify', 'parse')),
      outcome TEXT NOT NULL,
      detail TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    INSERT INTO decision_new(id, email_id, step, outcome, detail, created_at)
      SELECT id, email_id, step, outcome, detail, created_at FROM decision;
    DROP TABLE decision;
    ALTER TABLE decision_new RENAME TO decision;
    CREATE INDEX decision_email ON decision(email_id);
    """

  /// Each user's row of an email carries the email's date, with an index on (user, date), so that
  /// a listing of one's own mail reads the newest rows of that index instead of every email the
  /// user has (Docs/performance.md, "What row-level security costs an agent"). Both engines run
  /// this same SQL (`PostgresSchema` names it too).
  static let userEmailDates = """
    ALTER TABLE email_user ADD COLUMN date_sent TEXT;
    UPDATE email_user SET date_sent = (SELECT e.date_sent FROM email e WHERE e.id = email_user.email_id);
    CREATE INDEX email_user_newest ON email_user(user_id, date_sent DESC, email_id DESC);
    """

  /// A counter of each account's fetch attempts: a `fetch --all` pass skips an account whose
  /// counter moved since the pass began, because another run fetched it meanwhile
  /// (Docs/architecture.md, "Fetching").
  static let fetchAttempts = """
    ALTER TABLE mail_account ADD COLUMN fetch_attempts INTEGER NOT NULL DEFAULT 0;
    """

  /// The database role a user connects as, on a PostgreSQL store (Docs/security.md, "Several users
  /// on PostgreSQL"). An SQLite store keeps the column empty, so both engines have one schema and
  /// `store copy` carries the mapping either way.
  static let databaseRoles = """
    ALTER TABLE user ADD COLUMN db_role TEXT;
    CREATE UNIQUE INDEX user_db_role ON user(db_role);
    """

  /// Who set each account secret: a command secret runs only when an admin set it (Docs/security.md,
  /// "Command secrets"). Group accounts were always admins'; a personal account's existing secret
  /// is taken as its owner's until an admin sets it again.
  static let secretProvenance = """
    ALTER TABLE mail_account ADD COLUMN imap_secret_by_admin BOOLEAN NOT NULL DEFAULT 0;
    ALTER TABLE mail_account ADD COLUMN smtp_secret_by_admin BOOLEAN NOT NULL DEFAULT 0;
    UPDATE mail_account SET imap_secret_by_admin = 1, smtp_secret_by_admin = 1 WHERE kind = 'group';
    """

  /// The fetch ledger learns two things (Docs/architecture.md, "Fetching"): the outcome
  /// `expunged`, for a message deleted on the server between the search and its download (settled,
  /// never quarantined), and `seen_pending`, set in the chunk's transaction on rows whose `\Seen`
  /// is still to be stored on the server and cleared once it is, so a run killed between the
  /// commit and the STORE has its flags set by the next run. The partial index keeps that
  /// look-up, made for every folder on every run, a probe of the few pending rows.
  static let expungedOutcome = """
    CREATE TABLE fetch_ledger_new (
      account_id INTEGER NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      folder TEXT NOT NULL,
      uid_validity INTEGER NOT NULL,
      uid INTEGER NOT NULL,
      outcome TEXT NOT NULL
        CHECK (outcome IN ('imported', 'merged', 'skipped', 'quarantined', 'too-large', 'expunged')),
      email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      filter_id INTEGER REFERENCES filter(id) ON DELETE SET NULL,
      quarantine_id INTEGER REFERENCES quarantine(id) ON DELETE SET NULL,
      settled_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      seen_pending INTEGER NOT NULL DEFAULT 0,  -- 1: \\Seen not yet stored on the server
      PRIMARY KEY (account_id, folder, uid_validity, uid)
    ) WITHOUT ROWID;
    INSERT INTO fetch_ledger_new(account_id, folder, uid_validity, uid, outcome, email_id, filter_id, quarantine_id,
      settled_at)
      SELECT account_id, folder, uid_validity, uid, outcome, email_id, filter_id, quarantine_id, settled_at
      FROM fetch_ledger;
    DROP TABLE fetch_ledger;
    ALTER TABLE fetch_ledger_new RENAME TO fetch_ledger;
    CREATE INDEX fetch_ledger_seen_pending ON fetch_ledger(account_id, folder, uid_validity, uid) WHERE seen_pending = 1;
    """

  /// Merging needs the same message, not only the same Message-ID (Docs/architecture.md,
  /// "Duplicates"): `email.fingerprint` holds the SHA-256 of the sender's headers, and a
  /// Message-ID is unique only together with it, so different messages reusing one Message-ID
  /// each keep a row. Rows stored before this migration keep a NULL fingerprint, computed from
  /// their stored header when a message with their Message-ID arrives (the parser is not in this
  /// module). The table is rebuilt with every id and the AUTOINCREMENT high-water mark kept, so
  /// a deleted email's id is still never reused.
  static let messageFingerprint = """
    CREATE TABLE email_new (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      message_id TEXT NOT NULL,                 -- with angle brackets; synthetic when missing
      fingerprint TEXT,                         -- SHA-256 hex of From/Date/Subject/To/Cc; NULL: older row
      is_message_id_synthetic INTEGER NOT NULL DEFAULT 0,
      subject TEXT NOT NULL DEFAULT '',
      from_address_id INTEGER REFERENCES email_address(id),
      from_string TEXT,
      reply_to_string TEXT,
      date_sent TEXT NOT NULL,
      delivery_date TEXT,
      status TEXT NOT NULL DEFAULT 'archived'
        CHECK (status IN ('draft', 'sending', 'sent', 'archived', 'failed')),
      body_plain TEXT,
      body_html TEXT,
      is_html INTEGER NOT NULL DEFAULT 0,
      ics_contents TEXT,
      has_attachment INTEGER NOT NULL DEFAULT 0,
      is_header_only INTEGER NOT NULL DEFAULT 0,  -- over the size limit: body not imported
      size INTEGER,
      in_reply_to TEXT,
      references_header TEXT,
      parent_type TEXT CHECK (parent_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      parent_id INTEGER,
      crm_account_id INTEGER REFERENCES crm_account(id) ON DELETE SET NULL,
      replied_email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      is_replied INTEGER NOT NULL DEFAULT 0,
      is_auto_reply INTEGER NOT NULL DEFAULT 0,
      is_auto_submitted INTEGER NOT NULL DEFAULT 0,
      assigned_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      created_by_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      sent_by_mail_account_id INTEGER REFERENCES mail_account(id) ON DELETE SET NULL,
      group_folder_id INTEGER REFERENCES group_folder(id) ON DELETE SET NULL,
      group_status_folder TEXT CHECK (group_status_folder IN ('archive', 'trash')),
      raw_sha256 TEXT REFERENCES raw_message(sha256),
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    INSERT INTO email_new(
      id, message_id, is_message_id_synthetic, subject, from_address_id, from_string, reply_to_string, date_sent,
      delivery_date, status, body_plain, body_html, is_html, ics_contents, has_attachment, is_header_only, size,
      in_reply_to, references_header, parent_type, parent_id, crm_account_id, replied_email_id, is_replied,
      is_auto_reply, is_auto_submitted, assigned_user_id, created_by_user_id, sent_by_mail_account_id,
      group_folder_id, group_status_folder, raw_sha256, created_at)
    SELECT
      id, message_id, is_message_id_synthetic, subject, from_address_id, from_string, reply_to_string, date_sent,
      delivery_date, status, body_plain, body_html, is_html, ics_contents, has_attachment, is_header_only, size,
      in_reply_to, references_header, parent_type, parent_id, crm_account_id, replied_email_id, is_replied,
      is_auto_reply, is_auto_submitted, assigned_user_id, created_by_user_id, sent_by_mail_account_id,
      group_folder_id, group_status_folder, raw_sha256, created_at
    FROM email ORDER BY id;
    INSERT INTO sqlite_sequence(name, seq)
      SELECT 'email_new', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'email_new');
    UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'email'), 0))
      WHERE name = 'email_new';
    DROP TABLE email;
    ALTER TABLE email_new RENAME TO email;
    CREATE UNIQUE INDEX email_message ON email(message_id, fingerprint);
    CREATE INDEX email_parent ON email(parent_type, parent_id);
    CREATE INDEX email_date ON email(date_sent);
    CREATE INDEX email_replied ON email(replied_email_id);
    """

  /// Threading of replies that arrive before the email they answer (`awaited_reference`: the
  /// Message-IDs an unthreaded email names), and indexes from notes and notifications to their
  /// email, so the once-per-email checks of linking and the cascades of `email delete` probe
  /// instead of scanning a record's whole stream or a user's every notification.
  static let threading = """
    CREATE TABLE awaited_reference (
      message_id TEXT NOT NULL,
      email_id INTEGER NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      PRIMARY KEY (message_id, email_id)
    ) WITHOUT ROWID;
    CREATE INDEX awaited_reference_email ON awaited_reference(email_id);
    CREATE INDEX note_email ON note(email_id);
    CREATE INDEX notification_email ON notification(email_id, user_id);
    CREATE INDEX notification_note ON notification(note_id);
    """

  /// The whole schema: people and roles, CRM records, cases, mail accounts, emails with per-user
  /// state, the fetch ledger, raw messages, quarantine, decision traces, stream, notifications,
  /// filters, folders, templates and the outbox. Timestamps are UTC ISO 8601 text.
  static let initial = """
    CREATE TABLE setting (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    );

    -- People, teams, roles ----------------------------------------------------------------
    CREATE TABLE user (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      login TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
      is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE team (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE team_member (
      team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
      position TEXT,
      PRIMARY KEY (team_id, user_id)
    );
    CREATE INDEX team_member_user ON team_member(user_id);
    CREATE TABLE role (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    -- key: 'email.read', 'case.create', 'personal-email-accounts', 'group-email-account'
    CREATE TABLE role_permission (
      role_id INTEGER NOT NULL REFERENCES role(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (role_id, key)
    );
    CREATE TABLE user_role (
      user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
      role_id INTEGER NOT NULL REFERENCES role(id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, role_id)
    );

    -- Addresses: one row per distinct address, shared by every record and user -------------
    CREATE TABLE email_address (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      address TEXT NOT NULL,
      lower TEXT NOT NULL UNIQUE,
      is_invalid INTEGER NOT NULL DEFAULT 0,
      is_opt_out INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE entity_email_address (
      entity_type TEXT NOT NULL CHECK (entity_type IN ('user', 'account', 'contact', 'lead')),
      entity_id INTEGER NOT NULL,
      email_address_id INTEGER NOT NULL REFERENCES email_address(id) ON DELETE CASCADE,
      is_primary INTEGER NOT NULL DEFAULT 0,
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (entity_type, entity_id, email_address_id)
    );
    CREATE INDEX entity_email_address_by_address ON entity_email_address(email_address_id);

    -- CRM records ---------------------------------------------------------------------------
    CREATE TABLE crm_account (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      created_by_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE contact (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      account_id INTEGER REFERENCES crm_account(id) ON DELETE SET NULL,
      created_by_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX contact_account ON contact(account_id);
    CREATE TABLE lead (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      created_by_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE opportunity (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      account_id INTEGER NOT NULL REFERENCES crm_account(id) ON DELETE CASCADE,
      created_by_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX opportunity_account ON opportunity(account_id);
    CREATE TABLE follow (
      user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
      entity_type TEXT NOT NULL CHECK (entity_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      entity_id INTEGER NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      PRIMARY KEY (user_id, entity_type, entity_id)
    );
    CREATE INDEX follow_entity ON follow(entity_type, entity_id);

    -- Templates (auto-replies, notifications) ----------------------------------------------
    CREATE TABLE template (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      is_html INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

    -- Mail accounts (group and personal) ---------------------------------------------------
    CREATE TABLE mail_account (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      kind TEXT NOT NULL CHECK (kind IN ('group', 'personal')),
      owner_user_id INTEGER REFERENCES user(id) ON DELETE CASCADE,
      address TEXT NOT NULL,
      is_active INTEGER NOT NULL DEFAULT 1,
      imap_host TEXT,
      imap_port INTEGER,
      imap_security TEXT CHECK (imap_security IN ('tls', 'starttls', 'none')),
      imap_username TEXT,
      imap_secret_kind TEXT CHECK (imap_secret_kind IN ('stored', 'command', 'oauth2-command')),
      imap_secret BLOB,              -- ciphertext when stored, else NULL
      imap_secret_command TEXT,
      fetch_since TEXT,
      keep_unread INTEGER NOT NULL DEFAULT 0,
      portion INTEGER NOT NULL DEFAULT 500 CHECK (portion > 0),
      max_size_mb INTEGER NOT NULL DEFAULT 10 CHECK (max_size_mb > 0),
      smtp_host TEXT,
      smtp_port INTEGER,
      smtp_security TEXT CHECK (smtp_security IN ('tls', 'starttls', 'none')),
      smtp_username TEXT,
      smtp_secret_kind TEXT CHECK (smtp_secret_kind IN ('stored', 'command', 'oauth2-command')),
      smtp_secret BLOB,
      smtp_secret_command TEXT,
      smtp_shared INTEGER NOT NULL DEFAULT 0,
      sent_folder TEXT,
      create_case INTEGER NOT NULL DEFAULT 0,
      distribution TEXT CHECK (distribution IN ('direct', 'round-robin', 'least-busy')),
      case_team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,
      case_position TEXT,
      assign_to_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      round_robin_cursor_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      auto_reply INTEGER NOT NULL DEFAULT 0,
      reply_template_id INTEGER REFERENCES template(id) ON DELETE SET NULL,
      reply_from TEXT,
      reply_from_name TEXT,
      reply_to TEXT,
      group_folder_id INTEGER REFERENCES group_folder(id) ON DELETE SET NULL,
      last_success_at TEXT,
      last_attempt_at TEXT,
      last_error TEXT,
      last_error_status INTEGER,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      CHECK ((kind = 'personal') = (owner_user_id IS NOT NULL))
    );
    CREATE TABLE mail_account_team (
      account_id INTEGER NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (account_id, team_id)
    );
    -- Monitored folders and their checkpoint: UIDVALIDITY, last settled UID, UIDNEXT seen.
    CREATE TABLE mail_account_folder (
      account_id INTEGER NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      position INTEGER NOT NULL DEFAULT 0,
      uid_validity INTEGER,
      last_uid INTEGER NOT NULL DEFAULT 0,
      uid_next INTEGER,
      checked_at TEXT,
      PRIMARY KEY (account_id, name)
    );

    -- Raw messages, content-addressed ------------------------------------------------------
    CREATE TABLE raw_message (
      sha256 TEXT PRIMARY KEY NOT NULL,
      size INTEGER NOT NULL,
      compression TEXT NOT NULL DEFAULT 'none' CHECK (compression IN ('none', 'zlib')),
      bytes BLOB NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

    -- Folders ------------------------------------------------------------------------------
    CREATE TABLE email_folder (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
      name TEXT NOT NULL COLLATE NOCASE,
      skip_notifications INTEGER NOT NULL DEFAULT 0,
      position INTEGER NOT NULL DEFAULT 0,
      UNIQUE (user_id, name)
    );
    CREATE TABLE group_folder (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE group_folder_team (
      folder_id INTEGER NOT NULL REFERENCES group_folder(id) ON DELETE CASCADE,
      team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (folder_id, team_id)
    );

    -- Cases (number is the id) -------------------------------------------------------------
    CREATE TABLE crm_case (
      number INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'assigned', 'pending', 'closed', 'rejected', 'duplicate')),
      priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      description TEXT,
      assigned_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      account_id INTEGER REFERENCES crm_account(id) ON DELETE SET NULL,
      contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
      lead_id INTEGER REFERENCES lead(id) ON DELETE SET NULL,
      mail_account_id INTEGER REFERENCES mail_account(id) ON DELETE SET NULL,
      created_by_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      assigned_at TEXT,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX crm_case_assigned ON crm_case(assigned_user_id, status);
    CREATE TABLE case_team (
      case_number INTEGER NOT NULL REFERENCES crm_case(number) ON DELETE CASCADE,
      team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (case_number, team_id)
    );

    -- Emails -------------------------------------------------------------------------------
    CREATE TABLE email (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      message_id TEXT NOT NULL UNIQUE,          -- with angle brackets; synthetic when missing
      is_message_id_synthetic INTEGER NOT NULL DEFAULT 0,
      subject TEXT NOT NULL DEFAULT '',
      from_address_id INTEGER REFERENCES email_address(id),
      from_string TEXT,
      reply_to_string TEXT,
      date_sent TEXT NOT NULL,
      delivery_date TEXT,
      status TEXT NOT NULL DEFAULT 'archived'
        CHECK (status IN ('draft', 'sending', 'sent', 'archived', 'failed')),
      body_plain TEXT,
      body_html TEXT,
      is_html INTEGER NOT NULL DEFAULT 0,
      ics_contents TEXT,
      has_attachment INTEGER NOT NULL DEFAULT 0,
      is_header_only INTEGER NOT NULL DEFAULT 0,  -- over the size limit: body not imported
      size INTEGER,
      in_reply_to TEXT,
      references_header TEXT,
      parent_type TEXT CHECK (parent_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      parent_id INTEGER,
      crm_account_id INTEGER REFERENCES crm_account(id) ON DELETE SET NULL,
      replied_email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      is_replied INTEGER NOT NULL DEFAULT 0,
      is_auto_reply INTEGER NOT NULL DEFAULT 0,
      is_auto_submitted INTEGER NOT NULL DEFAULT 0,
      assigned_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      created_by_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      sent_by_mail_account_id INTEGER REFERENCES mail_account(id) ON DELETE SET NULL,
      group_folder_id INTEGER REFERENCES group_folder(id) ON DELETE SET NULL,
      group_status_folder TEXT CHECK (group_status_folder IN ('archive', 'trash')),
      raw_sha256 TEXT REFERENCES raw_message(sha256),
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX email_parent ON email(parent_type, parent_id);
    CREATE INDEX email_date ON email(date_sent);
    CREATE INDEX email_replied ON email(replied_email_id);
    -- From/To/CC/BCC/Reply-To, in header order.
    CREATE TABLE email_recipient (
      email_id INTEGER NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('from', 'to', 'cc', 'bcc', 'reply-to')),
      email_address_id INTEGER NOT NULL REFERENCES email_address(id),
      display_name TEXT,
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (email_id, kind, email_address_id)
    );
    CREATE INDEX email_recipient_address ON email_recipient(email_address_id);
    CREATE TABLE attachment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email_id INTEGER REFERENCES email(id) ON DELETE CASCADE,
      case_number INTEGER REFERENCES crm_case(number) ON DELETE CASCADE,
      name TEXT NOT NULL,
      content_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      disposition TEXT NOT NULL DEFAULT 'attachment' CHECK (disposition IN ('attachment', 'inline')),
      content_id TEXT,
      bytes BLOB                   -- NULL when the raw message (email.raw_sha256) holds them
    );
    CREATE INDEX attachment_email ON attachment(email_id);
    -- Per-user state: a row means the email is in the user's mail.
    CREATE TABLE email_user (
      email_id INTEGER NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
      is_read INTEGER NOT NULL DEFAULT 0,
      is_important INTEGER NOT NULL DEFAULT 0,
      in_trash INTEGER NOT NULL DEFAULT 0,
      in_archive INTEGER NOT NULL DEFAULT 0,
      folder_id INTEGER REFERENCES email_folder(id) ON DELETE SET NULL,
      added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      PRIMARY KEY (email_id, user_id)
    );
    CREATE INDEX email_user_user ON email_user(user_id, in_trash, in_archive, folder_id);
    CREATE TABLE email_team (
      email_id INTEGER NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (email_id, team_id)
    );
    CREATE INDEX email_team_team ON email_team(team_id);
    -- Which mail accounts fetched (or sent) the email.
    CREATE TABLE email_mail_account (
      email_id INTEGER NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      account_id INTEGER NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      PRIMARY KEY (email_id, account_id)
    );
    CREATE INDEX email_mail_account_account ON email_mail_account(account_id);
    CREATE VIRTUAL TABLE email_search USING fts5(
      subject, body, addresses, content='', tokenize='unicode61 remove_diacritics 2'
    );

    -- Filters ------------------------------------------------------------------------------
    CREATE TABLE filter (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      scope TEXT NOT NULL CHECK (scope IN ('global', 'account', 'user')),
      account_id INTEGER REFERENCES mail_account(id) ON DELETE CASCADE,
      user_id INTEGER REFERENCES user(id) ON DELETE CASCADE,
      from_pattern TEXT,
      to_pattern TEXT,
      subject_pattern TEXT,
      body_contains TEXT NOT NULL DEFAULT '[]',      -- JSON array of phrases
      body_contains_all TEXT NOT NULL DEFAULT '[]',  -- JSON array of phrases
      action TEXT NOT NULL CHECK (action IN ('skip', 'move-to-folder', 'move-to-group-folder', 'none')),
      folder_id INTEGER REFERENCES email_folder(id) ON DELETE CASCADE,
      group_folder_id INTEGER REFERENCES group_folder(id) ON DELETE CASCADE,
      mark_read INTEGER NOT NULL DEFAULT 0,
      skip_notification INTEGER NOT NULL DEFAULT 0,
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      CHECK ((scope = 'account') = (account_id IS NOT NULL)),
      CHECK ((scope = 'user') = (user_id IS NOT NULL))
    );

    -- Quarantine: messages that could not be imported, with their bytes and reason ---------
    CREATE TABLE quarantine (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      account_id INTEGER REFERENCES mail_account(id) ON DELETE SET NULL,
      folder TEXT,
      uid_validity INTEGER,
      uid INTEGER,
      raw_sha256 TEXT REFERENCES raw_message(sha256),
      reason TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'imported', 'dropped')),
      email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      resolved_at TEXT
    );

    -- Fetch ledger: every server message settled exactly once --------------------------------
    CREATE TABLE fetch_ledger (
      account_id INTEGER NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      folder TEXT NOT NULL,
      uid_validity INTEGER NOT NULL,
      uid INTEGER NOT NULL,
      outcome TEXT NOT NULL
        CHECK (outcome IN ('imported', 'merged', 'skipped', 'quarantined', 'too-large')),
      email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      filter_id INTEGER REFERENCES filter(id) ON DELETE SET NULL,
      quarantine_id INTEGER REFERENCES quarantine(id) ON DELETE SET NULL,
      settled_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      PRIMARY KEY (account_id, folder, uid_validity, uid)
    ) WITHOUT ROWID;

    -- Decision traces: why an email was linked, threaded, filtered, replied to, notified -------
    CREATE TABLE decision (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email_id INTEGER NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      step TEXT NOT NULL
        CHECK (step IN ('duplicate', 'filter', 'parent', 'users', 'case', 'assignment', 'auto-reply', 'notify')),
      outcome TEXT NOT NULL,
      detail TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX decision_email ON decision(email_id);

    -- Stream notes on records, and notifications to users --------------------------------------
    CREATE TABLE note (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      entity_type TEXT NOT NULL CHECK (entity_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      entity_id INTEGER NOT NULL,
      kind TEXT NOT NULL
        CHECK (kind IN ('create', 'email-received', 'email-sent', 'assign', 'status', 'post')),
      email_id INTEGER REFERENCES email(id) ON DELETE CASCADE,
      user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
      is_initial INTEGER NOT NULL DEFAULT 0,
      data TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX note_entity ON note(entity_type, entity_id, id);
    CREATE TABLE notification (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('email-received', 'note', 'assigned')),
      email_id INTEGER REFERENCES email(id) ON DELETE CASCADE,
      note_id INTEGER REFERENCES note(id) ON DELETE CASCADE,
      entity_type TEXT,
      entity_id INTEGER,
      message TEXT NOT NULL DEFAULT '',
      is_read INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX notification_user ON notification(user_id, is_read);

    -- Outbox: mail queued to send after a commit; the key makes a retry never send twice ------
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      idempotency_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('auto-reply', 'notification', 'user')),
      account_id INTEGER REFERENCES mail_account(id) ON DELETE SET NULL,
      email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      in_reply_to_email_id INTEGER REFERENCES email(id) ON DELETE SET NULL,
      mail_from TEXT NOT NULL,
      recipients TEXT NOT NULL,        -- JSON array of envelope recipients
      raw BLOB NOT NULL,
      status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'suppressed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      sent_at TEXT
    );
    CREATE INDEX outbox_status ON outbox(status);
    CREATE INDEX outbox_recipient_time ON outbox(kind, recipients, created_at);
    """
}

extension Schema {
  /// The newest migration this binary knows.
  static let latestMigration = migrations.last?.name ?? ""
}
