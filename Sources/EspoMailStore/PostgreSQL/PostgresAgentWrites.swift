/// Migration 0013 of a PostgreSQL store: agents (users connected as their own login role) do their
/// work as themselves, and PostgreSQL checks each row they write against the same rules the
/// library applies (Docs/security.md, "Several users on PostgreSQL"):
///
/// - follow and unfollow records they may read, for themselves only;
/// - create CRM records and cases their role lets them create, as their creator, with addresses
///   attached only to a record made in the same transaction;
/// - change the status and assignee of cases their `case.edit` level covers, with the stream note
///   and the assignee's notification that go with an assignment;
/// - link emails their `email.edit` level covers to records they may read, with the decision that
///   says so.
///
/// The writes that accompany another (a stream note, a notification, a decision, a case's teams, a
/// record's addresses) are allowed only for a row changed by the same transaction: a row's `xmin`
/// is the transaction that wrote it last, so PostgreSQL itself ties each to the write whose policy
/// it passed. The use cases stay the library's; nothing here decides more than whether a row may
/// be written. The rules per row (`espomail_case_covered`, `espomail_record_covered`,
/// `espomail_email_covered`) take the action, so reading and editing share one text; the policies
/// on cases and records read the row's own columns rather than looking the row up, so that the row
/// an `INSERT … RETURNING` has just made is judged too.
enum PostgresAgentWrites {
  /// The migration's SQL.
  static let migration = rules + grants + policies

  /// The rules per row and action, the lookups of migration 0006 rewritten on top of them, and
  /// the checks that tie an accompanying write to the row changed in the same transaction.
  static let rules = """
    CREATE FUNCTION espomail_case_covered(wanted bigint, assigned bigint, creator bigint, action text) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ DECLARE level integer := espomail_level('case', action); BEGIN RETURN (
        SELECT CASE level
          WHEN 3 THEN true
          WHEN 0 THEN false
          ELSE coalesce(assigned = espomail_user_id(), false) OR coalesce(creator = espomail_user_id(), false)
            OR (level = 2 AND EXISTS (
              SELECT 1 FROM case_team t WHERE t.case_number = wanted AND t.team_id = ANY (espomail_team_ids())))
        END); END $$;
    CREATE FUNCTION espomail_record_covered(record_kind text, wanted bigint, creator bigint, action text) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ DECLARE level integer := espomail_level(record_kind, action); BEGIN RETURN (
        SELECT CASE level
          WHEN 3 THEN true
          WHEN 0 THEN false
          ELSE coalesce(creator = espomail_user_id(), false)
            OR EXISTS (SELECT 1 FROM follow f WHERE f.user_id = espomail_user_id()
                         AND f.entity_type = record_kind AND f.entity_id = wanted)
            OR (level = 2 AND coalesce(creator = ANY (espomail_teammate_ids()), false))
        END); END $$;
    CREATE FUNCTION espomail_email_covered(wanted bigint, action text) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ DECLARE level integer := espomail_level('email', action); BEGIN RETURN (
        SELECT CASE level
          WHEN 3 THEN true
          WHEN 0 THEN false
          ELSE EXISTS (SELECT 1 FROM email_user WHERE email_id = wanted AND user_id = espomail_user_id())
            OR (level = 2
                AND EXISTS (SELECT 1 FROM email_team WHERE email_id = wanted AND team_id = ANY (espomail_team_ids())))
        END); END $$;
    CREATE FUNCTION espomail_record_reachable(record_kind text, wanted bigint, action text) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT CASE
          WHEN record_kind = 'case' THEN coalesce((
            SELECT espomail_case_covered(c.number, c.assigned_user_id, c.created_by_user_id, action)
              OR espomail_written_here(c.xmin)
            FROM crm_case c WHERE c.number = wanted), false)
          WHEN espomail_level(record_kind, action) = 3 THEN true
          ELSE coalesce((
            SELECT espomail_record_covered(record_kind, wanted, holder.created_by_user_id, action) FROM (
              SELECT created_by_user_id FROM crm_account WHERE record_kind = 'account' AND id = wanted
              UNION ALL SELECT created_by_user_id FROM contact WHERE record_kind = 'contact' AND id = wanted
              UNION ALL SELECT created_by_user_id FROM lead WHERE record_kind = 'lead' AND id = wanted
              UNION ALL SELECT created_by_user_id FROM opportunity WHERE record_kind = 'opportunity' AND id = wanted
            ) holder), false)
        END); END $$;
    CREATE OR REPLACE FUNCTION espomail_case_readable(wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN espomail_record_reachable('case', wanted, 'read'); END $$;
    CREATE OR REPLACE FUNCTION espomail_record_readable(record_kind text, wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN espomail_record_reachable(record_kind, wanted, 'read'); END $$;
    CREATE OR REPLACE FUNCTION espomail_email_readable(wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN espomail_email_covered(wanted, 'read'); END $$;
    CREATE FUNCTION espomail_written_here(row_xmin xid) RETURNS boolean
      LANGUAGE sql STABLE
      AS $$ SELECT coalesce(row_xmin = pg_current_xact_id_if_assigned()::xid, false) $$;
    CREATE FUNCTION espomail_case_written_here(wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN coalesce((SELECT espomail_written_here(xmin) FROM crm_case WHERE number = wanted), false); END $$;
    CREATE FUNCTION espomail_email_written_here(wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN coalesce((SELECT espomail_written_here(xmin) FROM email WHERE id = wanted), false); END $$;
    CREATE FUNCTION espomail_record_written_here(record_kind text, wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN coalesce((
        SELECT espomail_written_here(holder.xmin) FROM (
          SELECT xmin FROM crm_account WHERE record_kind = 'account' AND id = wanted
          UNION ALL SELECT xmin FROM contact WHERE record_kind = 'contact' AND id = wanted
          UNION ALL SELECT xmin FROM lead WHERE record_kind = 'lead' AND id = wanted
        ) holder), false); END $$;
    CREATE FUNCTION espomail_case_assignee(wanted bigint) RETURNS bigint
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (SELECT assigned_user_id FROM crm_case WHERE number = wanted); END $$;
    CREATE FUNCTION espomail_user_active(wanted bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN coalesce((SELECT is_active = 1 FROM "user" WHERE id = wanted), false); END $$;
    CREATE FUNCTION espomail_account_of(parent_kind text, wanted bigint) RETURNS bigint
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      AS $$ BEGIN RETURN (
        SELECT CASE parent_kind
          WHEN 'account' THEN wanted
          WHEN 'contact' THEN (SELECT account_id FROM contact WHERE id = wanted)
          WHEN 'opportunity' THEN (SELECT account_id FROM opportunity WHERE id = wanted)
          WHEN 'case' THEN (SELECT account_id FROM crm_case WHERE number = wanted)
        END); END $$;
    CREATE FUNCTION espomail_address_id(address text, lowered text) RETURNS bigint
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER
      AS $$ DECLARE found bigint; BEGIN
        SELECT id INTO found FROM email_address WHERE lower = lowered;
        IF found IS NULL THEN
          INSERT INTO email_address(address, lower) VALUES (address, lowered) ON CONFLICT (lower) DO NOTHING
            RETURNING id INTO found;
        END IF;
        IF found IS NULL THEN SELECT id INTO found FROM email_address WHERE lower = lowered; END IF;
        RETURN found; END $$;

    """

  /// Who may call the new functions, their search path, and the columns agents may write.
  static let grants = """
    DO $grants$
    DECLARE f regprocedure;
    BEGIN
      FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
          AND p.proname LIKE 'espomail\\_%' LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO espomail_service, espomail_agent', f);
      END LOOP;
    END
    $grants$;
    GRANT INSERT (user_id, entity_type, entity_id), DELETE ON follow TO espomail_agent;
    GRANT INSERT (name, created_by_user_id) ON crm_account, lead TO espomail_agent;
    GRANT INSERT (name, account_id, created_by_user_id) ON contact, opportunity TO espomail_agent;
    GRANT INSERT (entity_type, entity_id, email_address_id, is_primary, position), UPDATE (is_primary)
      ON entity_email_address TO espomail_agent;
    GRANT INSERT (name, account_id, contact_id, lead_id, created_by_user_id, description, mail_account_id),
      UPDATE (status, assigned_user_id, assigned_at, updated_at) ON crm_case TO espomail_agent;
    GRANT INSERT (case_number, team_id) ON case_team TO espomail_agent;
    GRANT INSERT (entity_type, entity_id, kind, email_id, is_initial) ON note TO espomail_agent;
    GRANT INSERT (user_id, kind, email_id, note_id, entity_type, entity_id, message) ON notification TO espomail_agent;
    GRANT UPDATE (parent_type, parent_id, crm_account_id) ON email TO espomail_agent;
    GRANT INSERT (email_id, step, outcome, detail) ON decision TO espomail_agent;

    """

  /// The agents' policies: reading cases and records by their own columns, and each write.
  static let policies = """
    DROP POLICY agent ON crm_case;
    CREATE POLICY agent ON crm_case FOR SELECT TO espomail_agent
      USING (espomail_case_covered(number, assigned_user_id, created_by_user_id, 'read') OR espomail_written_here(xmin)
             OR espomail_case_readable(number));
    DO $records$
    DECLARE record_kind text; record_table text;
    BEGIN
      FOR record_kind, record_table IN
          SELECT * FROM (VALUES ('account', 'crm_account'), ('contact', 'contact'), ('lead', 'lead'),
                                ('opportunity', 'opportunity')) AS kinds LOOP
        EXECUTE format('DROP POLICY agent ON %I', record_table);
        EXECUTE format('CREATE POLICY agent ON %I FOR SELECT TO espomail_agent '
          || 'USING (espomail_record_covered(%L, id, created_by_user_id, ''read''))', record_table, record_kind);
        EXECUTE format('CREATE POLICY agent_create ON %I FOR INSERT TO espomail_agent '
          || 'WITH CHECK (created_by_user_id = (SELECT espomail_user_id()) AND espomail_level(%L, ''create'') > 0 %s)',
          record_table, record_kind, CASE record_kind
            WHEN 'contact' THEN 'AND (account_id IS NULL OR espomail_record_readable(''account'', account_id))'
            WHEN 'opportunity' THEN 'AND espomail_record_readable(''account'', account_id)'
            ELSE '' END);
      END LOOP;
    END
    $records$;
    DROP POLICY agent ON follow;
    CREATE POLICY agent ON follow FOR SELECT TO espomail_agent
      USING (user_id = (SELECT espomail_user_id()) OR espomail_record_readable(entity_type, entity_id));
    CREATE POLICY agent_follow ON follow FOR INSERT TO espomail_agent
      WITH CHECK (user_id = (SELECT espomail_user_id()) AND espomail_record_readable(entity_type, entity_id));
    CREATE POLICY agent_unfollow ON follow FOR DELETE TO espomail_agent USING (user_id = (SELECT espomail_user_id()));
    CREATE POLICY agent_create ON entity_email_address FOR INSERT TO espomail_agent
      WITH CHECK (entity_type <> 'user' AND espomail_record_written_here(entity_type, entity_id));
    CREATE POLICY agent_primary ON entity_email_address FOR UPDATE TO espomail_agent
      USING (entity_type <> 'user' AND espomail_record_written_here(entity_type, entity_id))
      WITH CHECK (entity_type <> 'user' AND espomail_record_written_here(entity_type, entity_id));
    CREATE POLICY agent_create ON crm_case FOR INSERT TO espomail_agent
      WITH CHECK (created_by_user_id = (SELECT espomail_user_id()) AND espomail_level('case', 'create') > 0
        AND status = 'new' AND assigned_user_id IS NULL AND mail_account_id IS NULL
        AND (account_id IS NULL OR espomail_record_readable('account', account_id))
        AND (contact_id IS NULL OR espomail_record_readable('contact', contact_id))
        AND (lead_id IS NULL OR espomail_record_readable('lead', lead_id)));
    CREATE POLICY agent_edit ON crm_case FOR UPDATE TO espomail_agent
      USING (espomail_case_covered(number, assigned_user_id, created_by_user_id, 'edit'))
      WITH CHECK (assigned_user_id IS NULL OR assigned_user_id = espomail_case_assignee(number)
        OR espomail_user_active(assigned_user_id));
    CREATE POLICY agent_create ON case_team FOR INSERT TO espomail_agent
      WITH CHECK (team_id = ANY ((SELECT espomail_team_ids())::bigint[]) AND espomail_case_written_here(case_number));
    CREATE POLICY agent_assign ON note FOR INSERT TO espomail_agent
      WITH CHECK (kind = 'assign' AND entity_type = 'case' AND email_id IS NULL AND is_initial = 0
        AND espomail_case_written_here(entity_id));
    CREATE POLICY agent_assign ON notification FOR INSERT TO espomail_agent
      WITH CHECK (kind = 'assigned' AND entity_type = 'case' AND email_id IS NULL AND note_id IS NULL
        AND espomail_case_written_here(entity_id) AND user_id = espomail_case_assignee(entity_id));
    CREATE POLICY agent_link ON email FOR UPDATE TO espomail_agent
      USING (espomail_email_covered(id, 'edit'))
      WITH CHECK ((parent_type IS NULL OR espomail_record_readable(parent_type, parent_id))
        AND crm_account_id IS NOT DISTINCT FROM espomail_account_of(parent_type, parent_id));
    CREATE POLICY agent_link ON decision FOR INSERT TO espomail_agent
      WITH CHECK (step = 'parent' AND espomail_email_written_here(email_id));
    """
}
