# Shared set-up of the benchmark scripts (sourced): the release binary, Debian's python, a scratch
# directory removed on exit, and a private loopback Dovecot whose user "bench" holds COUNT generated
# messages. Defines: root, espomail, python, work, port, free_port, median, seed_crm_records, and for
# the PostgreSQL scripts start_bench_postgres, pg_uri, pg_sql, tree_cpu.
# Usage: start_bench_mailbox COUNT [recent]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
espomail="$root/.build/release/espomail"
[ -x "$espomail" ] || (cd "$root" && swift build -c release >/dev/null)
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
chmod 755 "$work"   # Dovecot runs unprivileged and must reach its files
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"
cleanup() {
  [ ! -d "$work/pg" ] || bash "$root/Benchmarks/lib/postgres_ctl.sh" stop "$work/pg" || true
  bash "$root/Benchmarks/lib/dovecot_ctl.sh" stop "$work/dovecot" || true
  rm -rf "$work"
}
trap cleanup EXIT

start_bench_mailbox() {
  mkdir -p "$work/dovecot/home/bench/Maildir"
  "$python" "$root/Benchmarks/lib/gen_maildir.py" "$work/dovecot/home/bench/Maildir" "$1" 42 "${2:-}" >/dev/null
  bash "$root/Benchmarks/lib/dovecot_ctl.sh" start "$work/dovecot" "$port" "$(free_port)"
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
