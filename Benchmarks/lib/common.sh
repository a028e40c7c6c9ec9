# Shared set-up of the benchmark scripts (sourced): the release binary, Debian's python, a scratch
# directory removed on exit, and a private loopback Dovecot whose user "bench" holds COUNT generated
# messages. Defines: root, espomail, python, work, port, free_port, median, seed_crm_records, and for
# the PostgreSQL scripts start_bench_postgres, pg_uri, pg_sql, tree_cpu.
# Usage: start_bench_mailbox COUNT [recent]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
espomail="$root/.build/release/espomail"
# Always asked: a stale binary would measure yesterday's code (up to date, it takes seconds).
(cd "$root" && swift build -c release --product espomail >/dev/null)
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
chmod 755 "$work"   # Dovecot runs unprivileged and must reach its files
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"
tls_port="$(free_port)"   # Dovecot's imaps listener (its certificate: $work/dovecot/cert.pem)
cleanup() {
  [ ! -d "$work/pg" ] || bash "$root/Benchmarks/lib/postgres_ctl.sh" stop "$work/pg" || true
  bash "$root/Benchmarks/lib/dovecot_ctl.sh" stop "$work/dovecot" || true
  rm -rf "$work"
}
trap cleanup EXIT

start_bench_mailbox() {
  mkdir -p "$work/dovecot/home/bench/Maildir"
  "$python" "$root/Benchmarks/lib/gen_maildir.py" "$work/dovecot/home/bench/Maildir" "$1" 42 "${2:-}" >/dev/null
  bash "$root/Benchmarks/lib/dovecot_ctl.sh" start "$work/dovecot" "$port" "$tls_port"
}

# The median of its arguments (numbers).
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# CRM records for the generator's senders in the store $ESPOMAIL_STORE: 2,000 accounts and 20,000
# contacts holding its addresses (first names 1-99 at its four domains; more contacts than
# addresses, so addresses are shared), and user id 2 following every tenth account.
seed_crm_records() {
  sqlite3 "$ESPOMAIL_STORE" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO crm_account(name) SELECT 'Account ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO contact(name, account_id) SELECT 'Contact ' || i, 1 + (i % 2000) FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 3959)
INSERT INTO email_address(address, lower)
  SELECT a, lower(a) FROM (SELECT
    json_extract('["alice","bob","chlo","david","mile","fatima","gnter","hana","ivan","julia"]', '\$[' || ((i / 396) % 10) || ']')
    || (1 + i % 99) || '@' ||
    json_extract('["example.org","example.com","example.net","lists.example.org"]', '\$[' || ((i / 99) % 4) || ']') AS a
  FROM n) WHERE true ON CONFLICT DO NOTHING;
INSERT INTO entity_email_address(entity_type, entity_id, email_address_id, is_primary)
  SELECT 'contact', c.id, 1 + (c.id % (SELECT COUNT(*) FROM email_address)), 1 FROM contact c WHERE c.id <= 20000;
INSERT INTO follow(user_id, entity_type, entity_id) SELECT 2, 'account', id FROM crm_account WHERE id % 10 = 0;
COMMIT;
SQL
}

# A private PostgreSQL cluster in $work/pg on a free loopback port (lib/postgres_ctl.sh: fsync on,
# synchronous_commit off), stopped by its pid on exit. Sets pg_port.
start_bench_postgres() {
  pg_port="$(free_port)"
  bash "$root/Benchmarks/lib/postgres_ctl.sh" start "$work/pg" "$pg_port"
}
# The libpq URI of database $1 of that cluster.
pg_uri() { echo "postgresql://espomail@127.0.0.1:$pg_port/$1"; }
# psql on database $1 of that cluster, unaligned and quiet; further arguments go to psql.
pg_sql() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 "$(pg_uri "$db")" "$@"; }

# CPU seconds (user + system) used so far by process $1 and its children, live ones and those
# it has reaped: postgres' backends, Dovecot's login and imap processes.
tree_cpu() {
  "$python" - "$1" <<'PY'
import os, sys
root = int(sys.argv[1]); total = 0
for name in os.listdir("/proc"):
    if not name.isdigit():
        continue
    try:
        stat = open(f"/proc/{name}/stat").read()
    except OSError:
        continue
    fields = stat[stat.rindex(")") + 2:].split()
    if int(name) == root or int(fields[1]) == root:
        total += sum(int(x) for x in fields[11:15])   # utime stime cutime cstime
print(round(total / os.sysconf("SC_CLK_TCK"), 2))
PY
}

# Multiplies the emails of database $1 inside PostgreSQL into $2 more copies of each: INSERT ...
# SELECT over generate_series, each copy with fresh ids and Message-IDs, dates moved back a week per
# copy, and its recipients, account links, user and team rows, attachments, decision traces,
# awaited references and search vector copied with it (the raw message is shared, as for merged
# emails; fetch ledger rows are not copied: the copies were not fetched); then VACUUM ANALYZE.
pg_multiply() {
  pg_sql "$1" >/dev/null <<SQL
SET synchronous_commit = off;
SET TIME ZONE 'UTC';
SET maintenance_work_mem = '512MB';
BEGIN;
CREATE TEMP TABLE copy AS SELECT c, c * (SELECT max(id) FROM email) AS shift FROM generate_series(1, $2) c;
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
INSERT INTO email_user(email_id, user_id, is_read, is_important, in_trash, in_archive, folder_id, added_at, date_sent)
  SELECT u.email_id + k.shift, u.user_id, u.is_read, u.is_important, u.in_trash, u.in_archive, u.folder_id, u.added_at,
         e.date_sent
  FROM copy k CROSS JOIN email_user u JOIN email e ON e.id = u.email_id + k.shift
  WHERE u.email_id <= (SELECT min(shift) FROM copy);
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
}

# N Dovecot users box1..boxN (password pwI) and the private Dovecot serving them on $port. Each
# holds one message already seen (the mailboxes of a cron pass with nothing new), or with M given,
# M generated messages of its own (lib/gen_maildir.py, seeded by the box's number).
#   start_bench_boxes N [M]
start_bench_boxes() {
  local accounts=$1 messages=${2:-} users="" i
  for i in $(seq "$accounts"); do
    users="$users box$i:pw$i"
    if [ -n "$messages" ]; then
      "$python" "$root/Benchmarks/lib/gen_maildir.py" "$work/dovecot/home/box$i/Maildir" "$messages" "$i" >/dev/null
      continue
    fi
    mkdir -p "$work/dovecot/home/box$i/Maildir/cur" "$work/dovecot/home/box$i/Maildir/new" "$work/dovecot/home/box$i/Maildir/tmp"
    printf 'From: a@example.org\nTo: box%s@example.com\nSubject: one\nMessage-ID: <one.%s@example.org>\n\nhello\n' "$i" "$i" \
      > "$work/dovecot/home/box$i/Maildir/cur/1700000000.M$i.bench:2,S"
  done
  DOVECOT_USERS="$users" bash "$root/Benchmarks/lib/dovecot_ctl.sh" start "$work/dovecot" "$port" "$tls_port"
}

# Group accounts box1..boxN in the store $ESPOMAIL_STORE for start_bench_boxes' users, over plain
# IMAP on $port; further arguments go to each `account add`.
#   add_bench_box_accounts N [OPTION...]
add_bench_box_accounts() {
  local accounts=$1 i
  shift
  for i in $(seq "$accounts"); do
    echo "pw$i" | "$espomail" account add "box$i" --group --address "box$i@example.com" --imap-host 127.0.0.1 \
      --imap-port "$port" --security none --username "box$i" --password-stdin "$@" >/dev/null
  done
}
