/// Migration 0006 of a PostgreSQL store: espomail's users may connect as database roles of their
/// own, and PostgreSQL itself then enforces their espomail role levels (Docs/security.md, "Several
/// users on PostgreSQL"). Two group roles, shared by the cluster's databases:
///
/// - `espomail_service`: every row of every table, for fetch hosts and admins (admin = membership);
/// - `espomail_agent`: the rows the mapped user's levels reach, no secret column, and (here) writes
///   only to their own mail state, folders and notifications; migration 0013 (`PostgresAgentWrites`)
///   adds the writes their levels allow.
///
/// A login role is mapped to an espomail user by `user.db_role`; inactive users are mapped to
/// nothing. The rules are the library's (`EmailAccess`, `CaseAccess`, `RecordAccess`,
/// `AccountAccess`): RowSecurityTests compares both on a generated population. The `email` table's
/// rule is written once, inline, so that the planner can drive listings from the indexes of
/// `email_user` and `email_team`; the tables that hang off an email (recipients, attachments,
/// search entries, raw bytes, …) show a row when its email is visible through that rule
/// (`EXISTS (SELECT 1 FROM email …)`). `email_team`, which the rule itself reads, and the other
/// scopes ask the `SECURITY DEFINER` functions below, which read as the owner (no policy applies
/// to them, so policies never recurse).
enum PostgresRowSecurity {
  /// The migration's SQL.
  static let migration = roles + functions + grants + policies

  /// The mapping column and the two group roles, made when missing (several databases of one
  /// cluster may be migrated at once, so a role made meanwhile is no error).
  static let roles = """
    ALTER TABLE "user" ADD COLUMN db_role TEXT UNIQUE;
    DO $roles$
    DECLARE wanted text;
    BEGIN
      FOREACH wanted IN ARRAY ARRAY['espomail_service', 'espomail_agent'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = wanted) THEN
          BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', wanted);
          EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE EXCEPTION 'the role % does not exist and % may not create roles', wanted, current_user
                USING HINT = 'run this first command as a role with CREATEROLE, or have a superuser run '
                  || 'CREATE ROLE espomail_service NOLOGIN; CREATE ROLE espomail_agent NOLOGIN; (Docs/postgresql.md)';
          END;
        END IF;
      END LOOP;
    END
    $roles$;

    """

  /// Who the session is and what its roles grant, read as the owner. Each is called once per
  /// query from a policy, as `(SELECT f())`, which the planner runs once as an init plan. They are
  /// PL/pgSQL rather than SQL functions because PL/pgSQL keeps its plans for the session, where a
  /// SQL function would be planned anew in every statement that calls it.
  static let functions = """
    CREATE FUNCTION espomail_user_id() RETURNS bigint
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT id FROM "user" WHERE db_role = session_user::text AND is_active = 1); END $$;
    CREATE FUNCTION espomail_level(scope text, action text) RETURNS integer
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT coalesce((
          SELECT CASE WHEN u.is_admin = 1 THEN 3 ELSE coalesce((
            SELECT max(CASE p.value WHEN 'all' THEN 3 WHEN 'team' THEN 2 WHEN 'own' THEN 1 ELSE 0 END)
            FROM user_role r JOIN role_permission p ON p.role_id = r.role_id
            WHERE r.user_id = u.id AND p.key = scope || '.' || action), 0) END
          FROM "user" u WHERE u.db_role = session_user::text AND u.is_active = 1), 0)); END $$;
    CREATE FUNCTION espomail_team_ids() RETURNS bigint[]
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT coalesce(array_agg(team_id), '{}') FROM team_member WHERE user_id = espomail_user_id()); END $$;
    CREATE FUNCTION espomail_teammate_ids() RETURNS bigint[]
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT coalesce(array_agg(DISTINCT id), '{}') FROM (
          SELECT espomail_user_id() AS id
          UNION SELECT other.user_id FROM team_member mine JOIN team_member other ON other.team_id = mine.team_id
          WHERE mine.user_id = espomail_user_id()) members
        WHERE id IS NOT NULL); END $$;
    CREATE FUNCTION espomail_email_readable(wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT CASE espomail_level('email', 'read')
          WHEN 3 THEN true
          WHEN 0 THEN false
          ELSE EXISTS (SELECT 1 FROM email_user WHERE email_id = wanted AND user_id = espomail_user_id())
            OR (espomail_level('email', 'read') = 2
                AND EXISTS (SELECT 1 FROM email_team WHERE email_id = wanted AND team_id = ANY (espomail_team_ids())))
        END); END $$;
    CREATE FUNCTION espomail_case_readable(wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT CASE espomail_level('case', 'read')
          WHEN 3 THEN true
          WHEN 0 THEN false
          ELSE EXISTS (
            SELECT 1 FROM crm_case c WHERE c.number = wanted
              AND (c.assigned_user_id = espomail_user_id() OR c.created_by_user_id = espomail_user_id()
                   OR (espomail_level('case', 'read') = 2 AND EXISTS (
                     SELECT 1 FROM case_team t WHERE t.case_number = c.number AND t.team_id = ANY (espomail_team_ids())))))
        END); END $$;
    CREATE FUNCTION espomail_record_readable(record_kind text, wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT CASE
          WHEN record_kind = 'case' THEN espomail_case_readable(wanted)
          WHEN espomail_level(record_kind, 'read') = 3 THEN true
          WHEN espomail_level(record_kind, 'read') = 0 THEN false
          ELSE EXISTS (
            SELECT 1 FROM (
              SELECT created_by_user_id FROM crm_account WHERE record_kind = 'account' AND id = wanted
              UNION ALL SELECT created_by_user_id FROM contact WHERE record_kind = 'contact' AND id = wanted
              UNION ALL SELECT created_by_user_id FROM lead WHERE record_kind = 'lead' AND id = wanted
              UNION ALL SELECT created_by_user_id FROM opportunity WHERE record_kind = 'opportunity' AND id = wanted
            ) holder
            WHERE holder.created_by_user_id = espomail_user_id()
              OR EXISTS (SELECT 1 FROM follow f WHERE f.user_id = espomail_user_id()
                           AND f.entity_type = record_kind AND f.entity_id = wanted)
              OR (espomail_level(record_kind, 'read') = 2 AND holder.created_by_user_id = ANY (espomail_teammate_ids())))
        END); END $$;
    REVOKE EXECUTE ON FUNCTION espomail_user_id(), espomail_level(text, text), espomail_team_ids(),
      espomail_teammate_ids(), espomail_email_readable(bigint), espomail_case_readable(bigint),
      espomail_record_readable(text, bigint) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION espomail_user_id(), espomail_level(text, text), espomail_team_ids(),
      espomail_teammate_ids(), espomail_email_readable(bigint), espomail_case_readable(bigint),
      espomail_record_readable(text, bigint)
      TO espomail_service, espomail_agent;
    CREATE INDEX email_raw ON email(raw_sha256);
    CREATE INDEX email_from ON email(from_address_id);

    """

  /// What each group role may do at all; policies then choose the rows. Agents read no secret
  /// column, nothing of quarantine or the outbox, and write only their own mail state, folders
  /// and notifications' read flags.
  static let grants = """
    DO $grants$
    DECLARE f regprocedure;
    BEGIN
      FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
          AND p.proname LIKE 'espomail\\_%' AND p.prosecdef LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
      END LOOP;
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO espomail_service, espomail_agent', current_schema());
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO espomail_service', current_schema());
      EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO espomail_service', current_schema());
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO espomail_agent', current_schema());
    END
    $grants$;
    GRANT SELECT ON espomail_migration, setting, "user", team, team_member, role, role_permission, user_role,
      email_address, entity_email_address, crm_account, contact, lead, opportunity, follow, template,
      group_folder, group_folder_team, mail_account_team, mail_account_folder, raw_message, email_folder,
      crm_case, case_team, email, email_recipient, attachment, email_user, email_team, email_mail_account,
      filter, decision, note, notification, awaited_reference, email_search, fetch_ledger TO espomail_agent;
    GRANT SELECT (id, name, kind, owner_user_id, address, is_active, imap_host, imap_port, imap_security,
      imap_username, imap_secret_kind, fetch_since, keep_unread, portion, max_size_mb, smtp_host, smtp_port,
      smtp_security, smtp_username, smtp_secret_kind, smtp_shared, sent_folder, create_case, distribution,
      case_team_id, case_position, assign_to_user_id, round_robin_cursor_user_id, auto_reply, reply_template_id,
      reply_from, reply_from_name, reply_to, group_folder_id, last_success_at, last_attempt_at, last_error,
      last_error_status, consecutive_failures, created_at, imap_secret_by_admin, smtp_secret_by_admin)
      ON mail_account TO espomail_agent;
    GRANT UPDATE (is_read, is_important, in_trash, in_archive, folder_id) ON email_user TO espomail_agent;
    GRANT UPDATE (is_read) ON notification TO espomail_agent;
    GRANT INSERT (user_id, name, skip_notifications, position), UPDATE (name, skip_notifications, position), DELETE
      ON email_folder TO espomail_agent;

    """

  /// Row-level security on every table that holds someone's data: the service sees every row, an
  /// agent the rows of their levels.
  static let policies = """
    DO $policies$
    DECLARE t text;
    BEGIN
      FOREACH t IN ARRAY ARRAY['role', 'role_permission', 'user_role', 'email_address', 'entity_email_address',
        'crm_account', 'contact', 'lead', 'opportunity', 'follow', 'mail_account', 'mail_account_team',
        'mail_account_folder', 'raw_message', 'email_folder', 'crm_case', 'case_team', 'email', 'email_recipient',
        'attachment', 'email_user', 'email_team', 'email_mail_account', 'filter', 'quarantine', 'decision', 'note',
        'notification', 'outbox', 'awaited_reference', 'fetch_ledger', 'email_search'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY service ON %I TO espomail_service USING (true) WITH CHECK (true)', t);
      END LOOP;
    END
    $policies$;
    CREATE POLICY agent ON role FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM user_role r WHERE r.role_id = role.id AND r.user_id = (SELECT espomail_user_id())));
    CREATE POLICY agent ON role_permission FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM user_role r WHERE r.role_id = role_permission.role_id
                     AND r.user_id = (SELECT espomail_user_id())));
    CREATE POLICY agent ON user_role FOR SELECT TO espomail_agent USING (user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent ON email_address FOR SELECT TO espomail_agent USING (
      EXISTS (SELECT 1 FROM entity_email_address h WHERE h.email_address_id = email_address.id)
      OR EXISTS (SELECT 1 FROM email_recipient r WHERE r.email_address_id = email_address.id)
      OR EXISTS (SELECT 1 FROM email e WHERE e.from_address_id = email_address.id));
    CREATE POLICY agent ON entity_email_address FOR SELECT TO espomail_agent
      USING (entity_type = 'user' OR espomail_record_readable(entity_type, entity_id));
    CREATE POLICY agent ON crm_account FOR SELECT TO espomail_agent USING (espomail_record_readable('account', id));
    CREATE POLICY agent ON contact FOR SELECT TO espomail_agent USING (espomail_record_readable('contact', id));
    CREATE POLICY agent ON lead FOR SELECT TO espomail_agent USING (espomail_record_readable('lead', id));
    CREATE POLICY agent ON opportunity FOR SELECT TO espomail_agent USING (espomail_record_readable('opportunity', id));
    CREATE POLICY agent ON follow FOR SELECT TO espomail_agent USING (user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent ON mail_account FOR SELECT TO espomail_agent
      USING (owner_user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent ON mail_account_team FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM mail_account a WHERE a.id = account_id));
    CREATE POLICY agent ON mail_account_folder FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM mail_account a WHERE a.id = account_id));
    CREATE POLICY agent ON fetch_ledger FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM mail_account a WHERE a.id = account_id));
    CREATE POLICY agent ON raw_message FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM email e WHERE e.raw_sha256 = sha256));
    CREATE POLICY agent ON email_folder TO espomail_agent
      USING (user_id = (SELECT espomail_user_id())) WITH CHECK (user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent ON crm_case FOR SELECT TO espomail_agent USING (espomail_case_readable(number));
    CREATE POLICY agent ON case_team FOR SELECT TO espomail_agent USING (espomail_case_readable(case_number));
    CREATE POLICY agent ON email FOR SELECT TO espomail_agent USING (
      (SELECT espomail_level('email', 'read')) = 3
      OR ((SELECT espomail_level('email', 'read')) >= 1
          AND EXISTS (SELECT 1 FROM email_user u WHERE u.email_id = email.id AND u.user_id = (SELECT espomail_user_id())))
      OR ((SELECT espomail_level('email', 'read')) = 2
          AND EXISTS (SELECT 1 FROM email_team t WHERE t.email_id = email.id AND t.team_id = ANY ((SELECT espomail_team_ids())::bigint[]))));
    CREATE POLICY agent ON email_recipient FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM email e WHERE e.id = email_id));
    CREATE POLICY agent ON attachment FOR SELECT TO espomail_agent
      USING (CASE WHEN email_id IS NOT NULL THEN EXISTS (SELECT 1 FROM email e WHERE e.id = email_id)
             ELSE espomail_case_readable(case_number) END);
    CREATE POLICY agent ON email_user FOR SELECT TO espomail_agent USING (user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent_state ON email_user FOR UPDATE TO espomail_agent
      USING (user_id = (SELECT espomail_user_id()))
      WITH CHECK (user_id = (SELECT espomail_user_id()) AND (folder_id IS NULL OR EXISTS (
        SELECT 1 FROM email_folder f WHERE f.id = folder_id AND f.user_id = (SELECT espomail_user_id()))));
    CREATE POLICY agent ON email_team FOR SELECT TO espomail_agent
      USING (team_id = ANY ((SELECT espomail_team_ids())::bigint[]) OR espomail_email_readable(email_id));
    CREATE POLICY agent ON email_mail_account FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM email e WHERE e.id = email_id));
    CREATE POLICY agent ON filter FOR SELECT TO espomail_agent
      USING ((scope = 'user' AND user_id = (SELECT espomail_user_id()))
             OR (scope = 'account' AND EXISTS (SELECT 1 FROM mail_account a WHERE a.id = account_id)));
    CREATE POLICY agent ON decision FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM email e WHERE e.id = email_id));
    CREATE POLICY agent ON note FOR SELECT TO espomail_agent
      USING (espomail_record_readable(entity_type, entity_id)
             AND (email_id IS NULL OR EXISTS (SELECT 1 FROM email e WHERE e.id = email_id)));
    CREATE POLICY agent ON notification FOR SELECT TO espomail_agent USING (user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent_read_flag ON notification FOR UPDATE TO espomail_agent
      USING (user_id = (SELECT espomail_user_id())) WITH CHECK (user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent ON awaited_reference FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM email e WHERE e.id = email_id));
    CREATE POLICY agent ON email_search FOR SELECT TO espomail_agent
      USING (EXISTS (SELECT 1 FROM email e WHERE e.id = email_id));
    """
}
