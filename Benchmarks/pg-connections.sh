#!/usr/bin/env bash
# Server connections a `fetch --all` process holds on a PostgreSQL store: N accounts (default 90)
# with M generated messages each (default 100, distinct per account) on a private loopback
# Dovecot, fetched with --jobs J (default 64, the default), first the first sync, then a pass with
# nothing new. A sampler counts the store database's backends every 50 ms (itself left out) and
# prints each pass's time and peak; the aim is Docs/postgresql.md's bound, "Connections".
#   Benchmarks/pg-connections.sh [ACCOUNTS] [MESSAGES] [JOBS]
# Measured 2026-12-06 (2 cores; 90 100 64): see Docs/performance.md, "Connections of a fetch".
source "$(dirname "$0")/lib/common.sh"
accounts="${1:-90}"
messages="${2:-100}"
jobs="${3:-64}"
start_bench_boxes "$accounts" "$messages"
start_bench_postgres
pg_sql postgres -c "CREATE DATABASE connections"
export ESPOMAIL_STORE="$(pg_uri connections)"
"$espomail" init >/dev/null
add_bench_box_accounts "$accounts" --keep-unread
echo "machine: $(nproc) cores; PostgreSQL $(pg_sql postgres -c 'SHOW server_version' | cut -d' ' -f1), max_connections $(pg_sql postgres -c 'SHOW max_connections')"
echo "mailboxes: $accounts accounts with $messages messages each; fetch --all --jobs $jobs"

# Runs `fetch --all` while sampling the backends connected to the store's database; prints
# "seconds peak-backends".
pass() {
  local start end sampler
  rm -f "$work/samples"
  (
    while [ ! -f "$work/stop" ]; do
      pg_sql postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'connections' AND pid <> pg_backend_pid()" \
        >> "$work/samples" 2>/dev/null || true
      sleep 0.05
    done
  ) &
  sampler=$!
  start=$(date +%s.%N)
  "$espomail" fetch --all --jobs "$jobs" --quiet
  end=$(date +%s.%N)
  touch "$work/stop"; wait "$sampler"; rm -f "$work/stop"
  echo "$("$python" -c "print(round($end - $start, 2))") $(sort -n "$work/samples" | tail -1)"
}

read -r seconds peak <<< "$(pass)"
imported=$(pg_sql connections -c "SELECT count(*) FROM email")
[ "$imported" -eq $((accounts * messages)) ] || { echo "imported $imported emails, expected $((accounts * messages))" >&2; exit 1; }
echo "first sync: $imported emails in $seconds s; peak $peak server connections ($(python3 -c "print(round($peak / $jobs, 2))") per job)"
read -r seconds peak <<< "$(pass)"
echo "pass with nothing new: $seconds s; peak $peak server connections ($(python3 -c "print(round($peak / $jobs, 2))") per job)"
