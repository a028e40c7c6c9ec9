/// The PostgreSQL store's schema: the same tables, columns and constraints as the SQLite store's
/// latest migration (Docs/store-schema.md), in PostgreSQL's types. Flags stay integers 0/1 and
/// times ISO-8601 text so that one SQL text serves both engines; names compare case-insensitively
/// through `citext` where SQLite says `COLLATE NOCASE`; search is a `tsvector` with a GIN index
/// where SQLite has FTS5. Migrations carry SQLite's names: a new store records them all at once.
enum PostgresSchema {
  /// The migrations, oldest first: a name and the SQL that brings a store from the previous one.
  static let migrations: [(name: String, sql: String)] = [
    ("0001-initial", baseline),
    ("0002-threading", ""),
    ("0003-secret-provenance", ""),
    ("0004-message-fingerprint", ""),
    ("0005-expunged-outcome", ""),
    ("0006-database-roles", PostgresRowSecurity.migration),
    ("0007-fetch-attempts", "ALTER TABLE mail_account ADD COLUMN fetch_attempts BIGINT NOT NULL DEFAULT 0;"),
    ("0008-user-email-dates", Schema.userEmailDates),
    ("0009-parse-decisions", parseDecisions),
    ("0010-server-login", serverLogin),
    ("0011-account-identity", Schema.accountIdentity + "GRANT SELECT (from_name, reply_to_address) ON mail_account TO espomail_agent;"),
    ("0012-send-only-accounts", Schema.sendOnlyAccounts + "GRANT SELECT (uses_imap) ON mail_account TO espomail_agent;"),
    ("0013-agent-writes", PostgresAgentWrites.migration),
    ("0014-team-folders-and-conversion", teamFoldersAndConversion),
    ("0015-notification-mail", notificationMail),
    ("0016-raw-message-lz4", rawMessageLZ4),
    // SQLite's index now holds the words this one always held: nothing to change.
    ("0017-search-words", ""),
    ("0018-email-body-lz4", emailBodyLZ4),
  ]

  /// Raw messages compressed with lz4 instead of pglz: pglz was the server's largest single cost
  /// of a first sync (a quarter of its CPU, Docs/performance.md), lz4 compresses mail about as
  /// well several times faster. Only new values change. A server built without lz4 keeps pglz.
  /// SQLite has no such setting (its 0016 is empty).
  static let rawMessageLZ4 = """
    DO $$ BEGIN
      ALTER TABLE raw_message ALTER COLUMN bytes SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported THEN NULL;
    END $$;
    """

  /// Email bodies compressed with lz4 like raw messages (0016): pglz made the email insert a third
  /// slower (Docs/performance.md, "First sync into PostgreSQL"). Only new values change; a server
  /// built without lz4 keeps pglz. SQLite has no such setting (its 0018 is empty).
  static let emailBodyLZ4 = """
    DO $$ BEGIN
      ALTER TABLE email ALTER COLUMN body_plain SET COMPRESSION lz4, ALTER COLUMN body_html SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported THEN NULL;
    END $$;
    """

  /// 0014 in PostgreSQL's types. Agents may read the account's new setting like the others; the
  /// other new columns sit in tables they already read under their policies (users, folders of
  /// accounts they see, leads they may read).
  static let teamFoldersAndConversion = """
    ALTER TABLE mail_account ADD COLUMN add_all_team_users BIGINT NOT NULL DEFAULT 1;
    ALTER TABLE mail_account_folder ADD COLUMN personal_folder_id BIGINT REFERENCES email_folder(id) ON DELETE SET NULL;
    ALTER TABLE "user" ADD COLUMN default_team_id BIGINT REFERENCES team(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_account_id BIGINT REFERENCES crm_account(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_contact_id BIGINT REFERENCES contact(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_opportunity_id BIGINT REFERENCES opportunity(id) ON DELETE SET NULL;
    ALTER TABLE lead ADD COLUMN converted_at TEXT;
    CREATE INDEX email_group_folder ON email(group_folder_id, group_status_folder);
    GRANT SELECT (add_all_team_users) ON mail_account TO espomail_agent;
    """

  /// 0015 in PostgreSQL's types; agents may read the new account columns like the other settings,
  /// and the assignee's notification an agent's assignment writes waits for mail like any other.
  static let notificationMail = """
    ALTER TABLE "user" ADD COLUMN email_notifications TEXT NOT NULL DEFAULT '';
    ALTER TABLE notification ADD COLUMN mail_pending BIGINT NOT NULL DEFAULT 0;
    CREATE INDEX notification_mail_pending ON notification(id) WHERE mail_pending = 1;
    ALTER TABLE mail_account ADD COLUMN exclude_from_reply BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE mail_account ADD COLUMN failure_noticed BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE attachment ADD COLUMN template_id BIGINT REFERENCES template(id) ON DELETE CASCADE;
    CREATE INDEX attachment_template ON attachment(template_id) WHERE template_id IS NOT NULL;
    GRANT SELECT (exclude_from_reply, failure_noticed) ON mail_account TO espomail_agent;
    GRANT INSERT (mail_pending) ON notification TO espomail_agent;
    """

  /// 0010 in PostgreSQL's types; agents may read the new columns like the other settings.
  static let serverLogin = """
    ALTER TABLE mail_account ADD COLUMN imap_login_mechanism TEXT NOT NULL DEFAULT 'auto';
    ALTER TABLE mail_account ADD COLUMN smtp_login_mechanism TEXT NOT NULL DEFAULT 'auto';
    ALTER TABLE mail_account ADD COLUMN ca_file TEXT;
    ALTER TABLE mail_account ADD COLUMN helo_name TEXT;
    ALTER TABLE mail_account ADD COLUMN sent_append_failures BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE mail_account ADD COLUMN last_sent_append_error TEXT;
    ALTER TABLE mail_account_folder ADD COLUMN message_count BIGINT;
    GRANT SELECT (imap_login_mechanism, smtp_login_mechanism, ca_file, helo_name, sent_append_failures,
      last_sent_append_error) ON mail_account TO espomail_agent;
    """

  /// Decisions may have the step `parse` (as SQLite's `Schema.parseDecisions`); PostgreSQL changes
  /// the CHECK constraint in place.
  static let parseDecisions = """
    ALTER TABLE decision DROP CONSTRAINT decision_step_check;
    ALTER TABLE decision ADD CONSTRAINT decision_step_check
      CHECK (step IN ('duplicate', 'filter', 'parent', 'users', 'case', 'assignment', 'auto-reply', 'notify', 'parse'));
    """

  /// The table that records applied migrations.
  static let migrationTable = "espomail_migration"

  /// Every table of schema 0005, created in an empty database.
  static let baseline = """
    CREATE EXTENSION IF NOT EXISTS citext;
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE FUNCTION now_text() RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;
    CREATE TABLE setting (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    );
    CREATE TABLE "user" (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      login CITEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      is_admin BIGINT NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
      is_active BIGINT NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE TABLE team (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name CITEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE TABLE team_member (
      team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      user_id BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
      position TEXT,
      PRIMARY KEY (team_id, user_id)
    );
    CREATE INDEX team_member_user ON team_member(user_id);
    CREATE TABLE role (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name CITEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE TABLE role_permission (
      role_id BIGINT NOT NULL REFERENCES role(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (role_id, key)
    );
    CREATE TABLE user_role (
      user_id BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
      role_id BIGINT NOT NULL REFERENCES role(id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, role_id)
    );
    CREATE TABLE email_address (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      address TEXT NOT NULL,
      lower TEXT NOT NULL UNIQUE,
      is_invalid BIGINT NOT NULL DEFAULT 0,
      is_opt_out BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE entity_email_address (
      entity_type TEXT NOT NULL CHECK (entity_type IN ('user', 'account', 'contact', 'lead')),
      entity_id BIGINT NOT NULL,
      email_address_id BIGINT NOT NULL REFERENCES email_address(id) ON DELETE CASCADE,
      is_primary BIGINT NOT NULL DEFAULT 0,
      position BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (entity_type, entity_id, email_address_id)
    );
    CREATE INDEX entity_email_address_by_address ON entity_email_address(email_address_id);
    CREATE TABLE crm_account (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name TEXT NOT NULL,
      created_by_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE TABLE contact (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name TEXT NOT NULL,
      account_id BIGINT REFERENCES crm_account(id) ON DELETE SET NULL,
      created_by_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE INDEX contact_account ON contact(account_id);
    CREATE TABLE lead (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name TEXT NOT NULL,
      created_by_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE TABLE opportunity (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name TEXT NOT NULL,
      account_id BIGINT NOT NULL REFERENCES crm_account(id) ON DELETE CASCADE,
      created_by_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE INDEX opportunity_account ON opportunity(account_id);
    CREATE TABLE follow (
      user_id BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
      entity_type TEXT NOT NULL CHECK (entity_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      entity_id BIGINT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (now_text()),
      PRIMARY KEY (user_id, entity_type, entity_id)
    );
    CREATE INDEX follow_entity ON follow(entity_type, entity_id);
    CREATE TABLE template (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name CITEXT NOT NULL UNIQUE,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      is_html BIGINT NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE TABLE group_folder (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name CITEXT NOT NULL UNIQUE,
      position BIGINT NOT NULL DEFAULT 0
    );
    CREATE TABLE group_folder_team (
      folder_id BIGINT NOT NULL REFERENCES group_folder(id) ON DELETE CASCADE,
      team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (folder_id, team_id)
    );
    CREATE TABLE mail_account (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name CITEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('group', 'personal')),
      owner_user_id BIGINT REFERENCES "user"(id) ON DELETE CASCADE,
      address TEXT NOT NULL,
      is_active BIGINT NOT NULL DEFAULT 1,
      imap_host TEXT,
      imap_port BIGINT,
      imap_security TEXT CHECK (imap_security IN ('tls', 'starttls', 'none')),
      imap_username TEXT,
      imap_secret_kind TEXT CHECK (imap_secret_kind IN ('stored', 'command', 'oauth2-command')),
      imap_secret BYTEA,              -- ciphertext when stored, else NULL
      imap_secret_command TEXT,
      fetch_since TEXT,
      keep_unread BIGINT NOT NULL DEFAULT 0,
      portion BIGINT NOT NULL DEFAULT 500 CHECK (portion > 0),
      max_size_mb BIGINT NOT NULL DEFAULT 10 CHECK (max_size_mb > 0),
      smtp_host TEXT,
      smtp_port BIGINT,
      smtp_security TEXT CHECK (smtp_security IN ('tls', 'starttls', 'none')),
      smtp_username TEXT,
      smtp_secret_kind TEXT CHECK (smtp_secret_kind IN ('stored', 'command', 'oauth2-command')),
      smtp_secret BYTEA,
      smtp_secret_command TEXT,
      smtp_shared BIGINT NOT NULL DEFAULT 0,
      sent_folder TEXT,
      create_case BIGINT NOT NULL DEFAULT 0,
      distribution TEXT CHECK (distribution IN ('direct', 'round-robin', 'least-busy')),
      case_team_id BIGINT REFERENCES team(id) ON DELETE SET NULL,
      case_position TEXT,
      assign_to_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      round_robin_cursor_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      auto_reply BIGINT NOT NULL DEFAULT 0,
      reply_template_id BIGINT REFERENCES template(id) ON DELETE SET NULL,
      reply_from TEXT,
      reply_from_name TEXT,
      reply_to TEXT,
      group_folder_id BIGINT REFERENCES group_folder(id) ON DELETE SET NULL,
      last_success_at TEXT,
      last_attempt_at TEXT,
      last_error TEXT,
      last_error_status BIGINT,
      consecutive_failures BIGINT NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (now_text()),
      imap_secret_by_admin BIGINT NOT NULL DEFAULT 0,
      smtp_secret_by_admin BIGINT NOT NULL DEFAULT 0,
      CHECK ((kind = 'personal') = (owner_user_id IS NOT NULL))
    );
    CREATE TABLE mail_account_team (
      account_id BIGINT NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (account_id, team_id)
    );
    CREATE TABLE mail_account_folder (
      account_id BIGINT NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      position BIGINT NOT NULL DEFAULT 0,
      uid_validity BIGINT,
      last_uid BIGINT NOT NULL DEFAULT 0,
      uid_next BIGINT,
      checked_at TEXT,
      PRIMARY KEY (account_id, name)
    );
    CREATE TABLE raw_message (
      sha256 TEXT PRIMARY KEY NOT NULL,
      size BIGINT NOT NULL,
      compression TEXT NOT NULL DEFAULT 'none' CHECK (compression IN ('none', 'zlib')),
      bytes BYTEA NOT NULL,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE TABLE email_folder (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
      name CITEXT NOT NULL,
      skip_notifications BIGINT NOT NULL DEFAULT 0,
      position BIGINT NOT NULL DEFAULT 0,
      UNIQUE (user_id, name)
    );
    CREATE TABLE crm_case (
      number BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'assigned', 'pending', 'closed', 'rejected', 'duplicate')),
      priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      description TEXT,
      assigned_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      account_id BIGINT REFERENCES crm_account(id) ON DELETE SET NULL,
      contact_id BIGINT REFERENCES contact(id) ON DELETE SET NULL,
      lead_id BIGINT REFERENCES lead(id) ON DELETE SET NULL,
      mail_account_id BIGINT REFERENCES mail_account(id) ON DELETE SET NULL,
      created_by_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      assigned_at TEXT,
      created_at TEXT NOT NULL DEFAULT (now_text()),
      updated_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE INDEX crm_case_assigned ON crm_case(assigned_user_id, status);
    CREATE TABLE case_team (
      case_number BIGINT NOT NULL REFERENCES crm_case(number) ON DELETE CASCADE,
      team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (case_number, team_id)
    );
    CREATE TABLE email (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      message_id TEXT NOT NULL,                 -- with angle brackets; synthetic when missing
      fingerprint TEXT,                         -- SHA-256 hex of From/Date/Subject/To/Cc; NULL: older row
      is_message_id_synthetic BIGINT NOT NULL DEFAULT 0,
      subject TEXT NOT NULL DEFAULT '',
      from_address_id BIGINT REFERENCES email_address(id),
      from_string TEXT,
      reply_to_string TEXT,
      date_sent TEXT NOT NULL,
      delivery_date TEXT,
      status TEXT NOT NULL DEFAULT 'archived'
        CHECK (status IN ('draft', 'sending', 'sent', 'archived', 'failed')),
      body_plain TEXT,
      body_html TEXT,
      is_html BIGINT NOT NULL DEFAULT 0,
      ics_contents TEXT,
      has_attachment BIGINT NOT NULL DEFAULT 0,
      is_header_only BIGINT NOT NULL DEFAULT 0,  -- over the size limit: body not imported
      size BIGINT,
      in_reply_to TEXT,
      references_header TEXT,
      parent_type TEXT CHECK (parent_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      parent_id BIGINT,
      crm_account_id BIGINT REFERENCES crm_account(id) ON DELETE SET NULL,
      replied_email_id BIGINT REFERENCES email(id) ON DELETE SET NULL,
      is_replied BIGINT NOT NULL DEFAULT 0,
      is_auto_reply BIGINT NOT NULL DEFAULT 0,
      is_auto_submitted BIGINT NOT NULL DEFAULT 0,
      assigned_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      created_by_user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      sent_by_mail_account_id BIGINT REFERENCES mail_account(id) ON DELETE SET NULL,
      group_folder_id BIGINT REFERENCES group_folder(id) ON DELETE SET NULL,
      group_status_folder TEXT CHECK (group_status_folder IN ('archive', 'trash')),
      raw_sha256 TEXT REFERENCES raw_message(sha256),
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE UNIQUE INDEX email_message ON email(message_id, fingerprint);
    CREATE INDEX email_parent ON email(parent_type, parent_id);
    CREATE INDEX email_date ON email(date_sent);
    CREATE INDEX email_replied ON email(replied_email_id);
    CREATE TABLE email_recipient (
      email_id BIGINT NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('from', 'to', 'cc', 'bcc', 'reply-to')),
      email_address_id BIGINT NOT NULL REFERENCES email_address(id),
      display_name TEXT,
      position BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (email_id, kind, email_address_id)
    );
    CREATE INDEX email_recipient_address ON email_recipient(email_address_id);
    CREATE TABLE attachment (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      email_id BIGINT REFERENCES email(id) ON DELETE CASCADE,
      case_number BIGINT REFERENCES crm_case(number) ON DELETE CASCADE,
      name TEXT NOT NULL,
      content_type TEXT NOT NULL,
      size BIGINT NOT NULL,
      disposition TEXT NOT NULL DEFAULT 'attachment' CHECK (disposition IN ('attachment', 'inline')),
      content_id TEXT,
      bytes BYTEA                   -- NULL when the raw message (email.raw_sha256) holds them
    );
    CREATE INDEX attachment_email ON attachment(email_id);
    CREATE TABLE email_user (
      email_id BIGINT NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      user_id BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
      is_read BIGINT NOT NULL DEFAULT 0,
      is_important BIGINT NOT NULL DEFAULT 0,
      in_trash BIGINT NOT NULL DEFAULT 0,
      in_archive BIGINT NOT NULL DEFAULT 0,
      folder_id BIGINT REFERENCES email_folder(id) ON DELETE SET NULL,
      added_at TEXT NOT NULL DEFAULT (now_text()),
      PRIMARY KEY (email_id, user_id)
    );
    CREATE INDEX email_user_user ON email_user(user_id, in_trash, in_archive, folder_id);
    CREATE TABLE email_team (
      email_id BIGINT NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      team_id BIGINT NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      PRIMARY KEY (email_id, team_id)
    );
    CREATE INDEX email_team_team ON email_team(team_id);
    CREATE TABLE email_mail_account (
      email_id BIGINT NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      account_id BIGINT NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      PRIMARY KEY (email_id, account_id)
    );
    CREATE INDEX email_mail_account_account ON email_mail_account(account_id);
    CREATE TABLE filter (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name CITEXT NOT NULL UNIQUE,
      scope TEXT NOT NULL CHECK (scope IN ('global', 'account', 'user')),
      account_id BIGINT REFERENCES mail_account(id) ON DELETE CASCADE,
      user_id BIGINT REFERENCES "user"(id) ON DELETE CASCADE,
      from_pattern TEXT,
      to_pattern TEXT,
      subject_pattern TEXT,
      body_contains TEXT NOT NULL DEFAULT '[]',      -- JSON array of phrases
      body_contains_all TEXT NOT NULL DEFAULT '[]',  -- JSON array of phrases
      action TEXT NOT NULL CHECK (action IN ('skip', 'move-to-folder', 'move-to-group-folder', 'none')),
      folder_id BIGINT REFERENCES email_folder(id) ON DELETE CASCADE,
      group_folder_id BIGINT REFERENCES group_folder(id) ON DELETE CASCADE,
      mark_read BIGINT NOT NULL DEFAULT 0,
      skip_notification BIGINT NOT NULL DEFAULT 0,
      position BIGINT NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (now_text()),
      CHECK ((scope = 'account') = (account_id IS NOT NULL)),
      CHECK ((scope = 'user') = (user_id IS NOT NULL))
    );
    CREATE TABLE quarantine (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      account_id BIGINT REFERENCES mail_account(id) ON DELETE SET NULL,
      folder TEXT,
      uid_validity BIGINT,
      uid BIGINT,
      raw_sha256 TEXT REFERENCES raw_message(sha256),
      reason TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'imported', 'dropped')),
      email_id BIGINT REFERENCES email(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL DEFAULT (now_text()),
      resolved_at TEXT
    );
    CREATE TABLE decision (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      email_id BIGINT NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      step TEXT NOT NULL
        CHECK (step IN ('duplicate', 'filter', 'parent', 'users', 'case', 'assignment', 'auto-reply', 'notify')),
      outcome TEXT NOT NULL,
      detail TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE INDEX decision_email ON decision(email_id);
    CREATE TABLE note (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      entity_type TEXT NOT NULL CHECK (entity_type IN ('account', 'contact', 'lead', 'opportunity', 'case')),
      entity_id BIGINT NOT NULL,
      kind TEXT NOT NULL
        CHECK (kind IN ('create', 'email-received', 'email-sent', 'assign', 'status', 'post')),
      email_id BIGINT REFERENCES email(id) ON DELETE CASCADE,
      user_id BIGINT REFERENCES "user"(id) ON DELETE SET NULL,
      is_initial BIGINT NOT NULL DEFAULT 0,
      data TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE INDEX note_entity ON note(entity_type, entity_id, id);
    CREATE INDEX note_email ON note(email_id);
    CREATE TABLE notification (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id BIGINT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('email-received', 'note', 'assigned')),
      email_id BIGINT REFERENCES email(id) ON DELETE CASCADE,
      note_id BIGINT REFERENCES note(id) ON DELETE CASCADE,
      entity_type TEXT,
      entity_id BIGINT,
      message TEXT NOT NULL DEFAULT '',
      is_read BIGINT NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (now_text())
    );
    CREATE INDEX notification_user ON notification(user_id, is_read);
    CREATE INDEX notification_email ON notification(email_id, user_id);
    CREATE INDEX notification_note ON notification(note_id);
    CREATE TABLE outbox (
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('auto-reply', 'notification', 'user')),
      account_id BIGINT REFERENCES mail_account(id) ON DELETE SET NULL,
      email_id BIGINT REFERENCES email(id) ON DELETE SET NULL,
      in_reply_to_email_id BIGINT REFERENCES email(id) ON DELETE SET NULL,
      mail_from TEXT NOT NULL,
      recipients TEXT NOT NULL,        -- JSON array of envelope recipients
      raw BYTEA NOT NULL,
      status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'suppressed')),
      attempts BIGINT NOT NULL DEFAULT 0,
      last_error TEXT,
      created_at TEXT NOT NULL DEFAULT (now_text()),
      sent_at TEXT
    );
    CREATE INDEX outbox_status ON outbox(status);
    CREATE INDEX outbox_recipient_time ON outbox(kind, recipients, created_at);
    CREATE TABLE awaited_reference (
      message_id TEXT NOT NULL,
      email_id BIGINT NOT NULL REFERENCES email(id) ON DELETE CASCADE,
      PRIMARY KEY (message_id, email_id)
    );
    CREATE INDEX awaited_reference_email ON awaited_reference(email_id);
    CREATE TABLE fetch_ledger (
      account_id BIGINT NOT NULL REFERENCES mail_account(id) ON DELETE CASCADE,
      folder TEXT NOT NULL,
      uid_validity BIGINT NOT NULL,
      uid BIGINT NOT NULL,
      outcome TEXT NOT NULL
        CHECK (outcome IN ('imported', 'merged', 'skipped', 'quarantined', 'too-large', 'expunged')),
      email_id BIGINT REFERENCES email(id) ON DELETE SET NULL,
      filter_id BIGINT REFERENCES filter(id) ON DELETE SET NULL,
      quarantine_id BIGINT REFERENCES quarantine(id) ON DELETE SET NULL,
      settled_at TEXT NOT NULL DEFAULT (now_text()),
      seen_pending BIGINT NOT NULL DEFAULT 0,  -- 1: \\Seen not yet stored on the server
      PRIMARY KEY (account_id, folder, uid_validity, uid)
    );
    CREATE INDEX fetch_ledger_seen_pending ON fetch_ledger(account_id, folder, uid_validity, uid) WHERE seen_pending = 1;
    CREATE TABLE email_search (
      email_id BIGINT PRIMARY KEY REFERENCES email(id) ON DELETE CASCADE,
      document tsvector NOT NULL
    );
    CREATE INDEX email_search_document ON email_search USING gin (document);
    """
}
