#!/usr/bin/env bash
# Listing and search at scale on PostgreSQL: 10,000 generated messages fetched from a private
# loopback Dovecot into a PostgreSQL store, then the latency of `email list --limit 50` and of
# `email list --search WORD --limit 50` (default WORD "meeting", one of the generator's words,
# found in most messages: the costly case of a search) as the admin, median of CALLS calls
# (default 20; a whole process each time). Then the store is multiplied inside PostgreSQL to SIZE
# emails (default 1,000,000): INSERT ... SELECT over generate_series, each copy with fresh ids and
# Message-IDs, dates moved back a week per copy, and its recipients, account links, user and team
# rows, attachments, decision traces, awaited references and search vector copied with it (the raw
# message is shared, as for merged emails; fetch ledger rows are not copied: the copies were not
# fetched); VACUUM ANALYZE; and the same calls again. Prints both medians, the ratios, and the
# server-side times of the two queries (EXPLAIN ANALYZE).
#   Benchmarks/pg-search-scale.sh [SIZE] [CALLS] [WORD]      (MESSAGES=N fetches N instead of 10,000)
# Measured 2026-12-04 (2 cores, shared machine, 100000 20): list 139.7 -> 122.5 ms, search 146.3 -> 112.3 ms
# from 10,000 to 100,000 emails, about 1 ms of it in the server (Docs/performance.md, "PostgreSQL").
source "$(dirname "$0")/lib/common.sh"
size="${1:-1000000}"
calls="${2:-20}"
word="${3:-meeting}"
messages="${MESSAGES:-10000}"
start_bench_mailbox "$messages"
start_bench_postgres
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "PostgreSQL $(pg_sql postgres -c 'SHOW server_version' | cut -d' ' -f1) on 127.0.0.1 (shared_buffers=$(pg_sql postgres -c 'SHOW shared_buffers'))"
pg_sql postgres -c "CREATE DATABASE search"
export ESPOMAIL_STORE="$(pg_uri search)"
"$espomail" init >/dev/null
echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
  --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
start=$(date +%s.%N)
"$espomail" fetch bench --quiet
end=$(date +%s.%N)
echo "$messages messages fetched in $("$python" -c "print(round($end - $start, 1))") s"
pg_sql search -c "VACUUM ANALYZE"

# The median milliseconds of $calls calls of `email list` with the given arguments.
latency() {
  local times=() start end
  "$espomail" email list "$@" --format json >/dev/null   # warm the page cache once
  for _ in $(seq "$calls"); do
    start=$(date +%s.%N)
    "$espomail" email list "$@" --format json >/dev/null
    end=$(date +%s.%N)
    times+=("$("$python" -c "print(round(($end - $start) * 1000, 1))")")
  done
  median "${times[@]}"
}

# The server's execution time (EXPLAIN ANALYZE, ms) of the listing query as the admin (user 1)
# sees it, with the search condition when $1 is given.
server_ms() {
  local search=""
  [ -z "${1:-}" ] || search="AND e.id IN (SELECT email_id FROM email_search WHERE document @@ plainto_tsquery('simple', regexp_replace(unaccent('$1'), '[^[:alnum:]]+', ' ', 'g')))"
  pg_sql search -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT e.*, eu.is_read FROM email e LEFT JOIN email_user eu ON eu.email_id = e.id AND eu.user_id = 1 WHERE true $search ORDER BY e.date_sent DESC, e.id DESC LIMIT 50" |
    "$python" -c 'import json,sys; print(round(json.load(sys.stdin)[0]["Execution Time"], 1))'
}

declare -A list_ms search_ms list_server search_server
measure() {
  local emails matches
  emails=$(pg_sql search -c "SELECT count(*) FROM email")
  matches=$(pg_sql search -c "SELECT count(*) FROM email_search WHERE document @@ plainto_tsquery('simple', '$word')")
  list_ms[$1]=$(latency --limit 50)
  search_ms[$1]=$(latency --search "$word" --limit 50)
  list_server[$1]=$(server_ms)
  search_server[$1]=$(server_ms "$word")
  echo "store of $emails emails ($(pg_sql postgres -c "SELECT pg_size_pretty(pg_database_size('search'))")): email list --limit 50: ${list_ms[$1]} ms; --search $word --limit 50 ($matches emails match): ${search_ms[$1]} ms (medians of $calls calls, process start included; server execution ${list_server[$1]} and ${search_server[$1]} ms)"
}
measure small

copies=$((size / messages - 1))
start=$(date +%s.%N)
pg_sql search >/dev/null <<SQL
SET synchronous_commit = off;
SET TIME ZONE 'UTC';
SET maintenance_work_mem = '512MB';
BEGIN;
CREATE TEMP TABLE copy AS SELECT c, c * (SELECT max(id) FROM email) AS shift FROM generate_series(1, $copies) c;
INSERT INTO email(id, message_id, fingerprint, is_message_id_synthetic, subject, from_address_id, from_string,
                  reply_to_string, date_sent, delivery_date, status, body_plain, body_html, is_html, ics_contents,
                  has_attachment, is_header_only, size, in_reply_to, references_header, parent_type, parent_id,
                  crm_account_id, replied_email_id, is_replied, is_auto_reply, is_auto_submitted, assigned_user_id,
                  created_by_user_id, sent_by_mail_account_id, group_folder_id, group_status_folder, raw_sha256,
                  created_at)
  SELECT e.id + k.shift, '<copy' || k.c || '.' || substr(e.message_id, 2), e.fingerprint, e.is_message_id_synthetic,
         e.subject, e.from_address_id, e.from_string, e.reply_to_string,
         to_char(e.date_sent::timestamptz - k.c * interval '7 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), e.delivery_date,
         e.status, e.body_plain, e.body_html, e.is_html, e.ics_contents, e.has_attachment, e.is_header_only, e.size,
         e.in_reply_to, e.references_header, e.parent_type, e.parent_id, e.crm_account_id,
         e.replied_email_id + k.shift, e.is_replied, e.is_auto_reply, e.is_auto_submitted, e.assigned_user_id,
         e.created_by_user_id, e.sent_by_mail_account_id, e.group_folder_id, e.group_status_folder, e.raw_sha256,
         e.created_at
  FROM copy k CROSS JOIN email e WHERE e.id <= (SELECT min(shift) FROM copy)
  ORDER BY k.c, e.id;
SELECT setval(pg_get_serial_sequence('email', 'id'), (SELECT max(id) FROM email));
INSERT INTO email_recipient(email_id, kind, email_address_id, display_name, position)
  SELECT r.email_id + k.shift, r.kind, r.email_address_id, r.display_name, r.position
  FROM copy k CROSS JOIN email_recipient r WHERE r.email_id <= (SELECT min(shift) FROM copy) ORDER BY k.c, r.email_id;
INSERT INTO email_mail_account(email_id, account_id)
  SELECT m.email_id + k.shift, m.account_id FROM copy k CROSS JOIN email_mail_account m WHERE m.email_id <= (SELECT min(shift) FROM copy);
INSERT INTO email_user(email_id, user_id, is_read, is_important, in_trash, in_archive, folder_id, added_at)
  SELECT u.email_id + k.shift, u.user_id, u.is_read, u.is_important, u.in_trash, u.in_archive, u.folder_id, u.added_at
  FROM copy k CROSS JOIN email_user u WHERE u.email_id <= (SELECT min(shift) FROM copy);
INSERT INTO email_team(email_id, team_id)
  SELECT t.email_id + k.shift, t.team_id FROM copy k CROSS JOIN email_team t WHERE t.email_id <= (SELECT min(shift) FROM copy);
INSERT INTO attachment(email_id, case_number, name, content_type, size, disposition, content_id, bytes)
  SELECT a.email_id + k.shift, a.case_number, a.name, a.content_type, a.size, a.disposition, a.content_id, a.bytes
  FROM copy k CROSS JOIN attachment a WHERE a.email_id <= (SELECT min(shift) FROM copy);
INSERT INTO decision(email_id, step, outcome, detail, created_at)
  SELECT d.email_id + k.shift, d.step, d.outcome, d.detail, d.created_at
  FROM copy k CROSS JOIN decision d WHERE d.email_id <= (SELECT min(shift) FROM copy);
INSERT INTO awaited_reference(message_id, email_id)
  SELECT w.message_id, w.email_id + k.shift FROM copy k CROSS JOIN awaited_reference w WHERE w.email_id <= (SELECT min(shift) FROM copy);
INSERT INTO email_search(email_id, document)
  SELECT s.email_id + k.shift, s.document FROM copy k CROSS JOIN email_search s WHERE s.email_id <= (SELECT min(shift) FROM copy)
  ORDER BY k.c, s.email_id;
COMMIT;
VACUUM ANALYZE;
SQL
end=$(date +%s.%N)
echo "multiplied to $size emails inside PostgreSQL in $("$python" -c "print(round($end - $start))") s (INSERT ... SELECT, then VACUUM ANALYZE)"
measure big
echo "ratio ($size vs $messages emails): email list --limit 50 $("$python" -c "print(round(${list_ms[big]} / ${list_ms[small]}, 2))"), --search $word $("$python" -c "print(round(${search_ms[big]} / ${search_ms[small]}, 2))")"
