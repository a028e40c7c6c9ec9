#!/usr/bin/env bash
# One change measured against another on a noisy machine: first syncs of N generated messages
# (COUNT, default 10,000) into fresh PostgreSQL databases by two or more espomail binaries, taken in
# turn within each of RUNS rounds (default 4), so that the machine's slow and quiet moments fall on
# all of them alike. Prints each run (wall seconds, espomail CPU, postgres CPU) and each binary's
# median wall time. A binary given as BINARY@FILE.sql has that SQL run on its database after
# `init` (a schema experiment: an index dropped or made partial, a storage setting).
#   COUNT=10000 RUNS=4 Benchmarks/pg-first-sync-ab.sh OLD_BINARY NEW_BINARY[@FILE.sql] ...
# Build each binary first (swift build -c release, then copy .build/release/espomail aside).
# Measured 2026-12-06 (Docs/performance.md, "Session 13"): raw messages stored on a thread of
# their own 4.45 -> 4.23 s; chunks twice as large on PostgreSQL 4.49 -> 4.31 s.
source "$(dirname "$0")/lib/common.sh"
count="${COUNT:-10000}"
runs="${RUNS:-4}"
[ "$#" -ge 2 ] || { echo "usage: $0 BINARY[@FILE.sql] BINARY[@FILE.sql] ..." >&2; exit 64; }
start_bench_mailbox "$count"
start_bench_postgres
pg_pid="$(cat "$work/pg/postgres.pid")"
"$python" "$root/Benchmarks/lib/pyimap_bench.py" "$port" bulk >/dev/null

# One first sync by binary $1 (BINARY or BINARY@FILE.sql) into a new database $2, dropped after;
# prints "wall espomail-cpu postgres-cpu".
first_sync() {
  local binary="${1%@*}" sql="" database="$2" before start end user sys
  [ "$binary" = "$1" ] || sql="${1#*@}"
  pg_sql postgres -c "CREATE DATABASE $database"
  export ESPOMAIL_STORE="$(pg_uri "$database")"
  "$binary" init >/dev/null
  [ -z "$sql" ] || pg_sql "$database" -f "$sql"
  echo benchpass | "$binary" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
    --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
  before=$(tree_cpu "$pg_pid")
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/time" "$binary" fetch bench --quiet
  end=$(date +%s.%N)
  read -r user sys < "$work/time"
  "$python" -c "print(round($end - $start, 3), round($user + $sys, 2), round($(tree_cpu "$pg_pid") - $before, 2))"
  pg_sql postgres -c "DROP DATABASE $database"
}

# An untimed warm-up: a fresh cluster creates its WAL segments during its first sync.
first_sync "$1" warm >/dev/null
declare -A walls
for run in $(seq "$runs"); do
  index=0
  for binary in "$@"; do
    index=$((index + 1))
    out=$(first_sync "$binary" "ab_${run}_${index}")
    echo "run $run, binary $index: wall, espomail CPU, postgres CPU = $out"
    walls[$index]="${walls[$index]:-} ${out%% *}"
  done
done
index=0
for binary in "$@"; do
  index=$((index + 1))
  # shellcheck disable=SC2086
  echo "binary $index ($binary): median wall $(median ${walls[$index]}) s for $count messages"
done
