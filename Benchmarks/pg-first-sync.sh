#!/usr/bin/env bash
# First sync into PostgreSQL against SQLite: espomail's `fetch` of N generated messages (default
# 10,000) from a private loopback Dovecot into a fresh PostgreSQL store (a private cluster on
# 127.0.0.1, lib/postgres_ctl.sh) and into a fresh SQLite store, runs alternating. Prints each run
# (msg/s, CPU of espomail and of the postgres server, store size), medians of RUNS runs (default 3)
# and the ratio PostgreSQL/SQLite (the issue's aim: at least 0.7), then one reference run with
# synchronous_commit=on (SYNC_ON_RUN=0 skips it).
#   Benchmarks/pg-first-sync.sh [COUNT] [RUNS]     (needs PostgreSQL's server: apt-get install postgresql)
# Measured 2026-12-04 (2 cores, shared machine): SQLite 636 msg/s, PostgreSQL 111 msg/s, ratio 0.17;
# with prepared statements (0766d04, 3000 3): SQLite 1209, PostgreSQL 148 msg/s, ratio 0.12;
# with Swift search words and the pipeline (2026-12-05, 3000 3): SQLite 1457, PostgreSQL 259, ratio 0.18;
# with pipelined recipients and lz4 raw messages (0016): SQLite 1374, PostgreSQL 330, ratio 0.24
# with reserved email ids, look-ahead, raw messages ahead, multi-row inserts (sessions 11-12, 10000 5):
# SQLite 3841, PostgreSQL 2301 msg/s, ratio 0.60 (Docs/performance.md, "PostgreSQL");
# with raw messages stored on a thread of their own and chunks twice as large (session 13, 4 x 10000 5):
# PostgreSQL 2505-2607 msg/s, ratios 0.65, 0.71, 0.75, 0.69, 0.698 over all 20 runs.
# with the search words sent as a binary tsvector (session 14, 3 x 10000 7): ratios 0.74, 0.74, 0.72;
# PostgreSQL 2638, SQLite 3660 msg/s, 0.72 over all 21 runs.
source "$(dirname "$0")/lib/common.sh"
count="${1:-10000}"
runs="${2:-3}"
start_bench_mailbox "$count"
start_bench_postgres
pg_pid="$(cat "$work/pg/postgres.pid")"
bytes="$(du -sb "$work/dovecot/home/bench/Maildir/cur" | cut -f1)"
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "mailbox: $count messages, $((bytes / 1048576)) MiB, Dovecot $(/usr/sbin/dovecot --version | cut -d' ' -f1) on 127.0.0.1:$port"
echo "durability: SQLite WAL with synchronous=NORMAL (the store's pragmas: commits are not flushed one by one, a crash of the machine loses the last ones, never consistency);"
echo "  PostgreSQL $(pg_sql postgres -c 'SHOW server_version' | cut -d' ' -f1) fsync=$(pg_sql postgres -c 'SHOW fsync') synchronous_commit=$(pg_sql postgres -c 'SHOW synchronous_commit') (the same promise: a crash loses at most the commits of the last 3 x wal_writer_delay, $(pg_sql postgres -c "SHOW wal_writer_delay") here, never consistency), shared_buffers=$(pg_sql postgres -c 'SHOW shared_buffers')"
# Warm Dovecot's index and the page cache once.
"$python" "$root/Benchmarks/lib/pyimap_bench.py" "$port" bulk >/dev/null

# One first sync into the store $ESPOMAIL_STORE (created empty before); prints one line
# "msg/s seconds espomail-cpu-seconds peak-MiB postgres-cpu-seconds".
first_sync() {
  "$espomail" init >/dev/null
  echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
    --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
  local pg_before start end imported
  pg_before=$(tree_cpu "$pg_pid")
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$espomail" fetch bench --quiet
  end=$(date +%s.%N)
  imported=$("$espomail" --format json account status bench | "$python" -c 'import json,sys; print(sum(json.load(sys.stdin)[0]["ledger"].values()))')
  [ "$imported" -eq "$count" ] || { echo "settled $imported messages, expected $count" >&2; exit 1; }
  read -r user sys rss < "$work/time"
  "$python" -c "print(round($imported / ($end - $start)), round($end - $start, 2), round($user + $sys, 1), $rss // 1024, round($(tree_cpu "$pg_pid") - $pg_before, 1))"
}

# One untimed sync into each store first: a fresh cluster creates its WAL segments as it goes
# (about 2 s of server CPU here), while a server that has run a while recycles them, as the later
# runs do after the DROP DATABASE checkpoint; the SQLite run warms the binary and the page cache alike.
export ESPOMAIL_STORE="$work/store-warm.sqlite"
first_sync >/dev/null
rm -rf "$ESPOMAIL_STORE"*
pg_sql postgres -c "CREATE DATABASE first_warm"
export ESPOMAIL_STORE="$(pg_uri first_warm)"
first_sync >/dev/null
pg_sql postgres -c "DROP DATABASE first_warm"

sqlite_rates=()
pg_rates=()
for run in $(seq "$runs"); do
  export ESPOMAIL_STORE="$work/store-$run.sqlite"
  out=$(first_sync); read -r rate seconds cpu mib _ <<< "$out"
  store_bytes=$(du -cb "$ESPOMAIL_STORE"* 2>/dev/null | tail -1 | cut -f1)
  sqlite_rates+=("$rate")
  echo "run $run: SQLite:     $count messages in $seconds s = $rate msg/s (espomail CPU $cpu s, peak memory $mib MiB; store $((store_bytes / 1048576)) MiB)"
  rm -rf "$ESPOMAIL_STORE"*

  pg_sql postgres -c "CREATE DATABASE first_$run"
  export ESPOMAIL_STORE="$(pg_uri "first_$run")"
  out=$(first_sync); read -r rate seconds cpu mib pg_cpu <<< "$out"
  store_bytes=$(pg_sql postgres -c "SELECT pg_database_size('first_$run')")
  pg_rates+=("$rate")
  echo "run $run: PostgreSQL: $count messages in $seconds s = $rate msg/s (espomail CPU $cpu s, peak memory $mib MiB; postgres CPU $pg_cpu s; database $((store_bytes / 1048576)) MiB)"
  pg_sql postgres -c "DROP DATABASE first_$run"
done
s=$(median "${sqlite_rates[@]}")
p=$(median "${pg_rates[@]}")
echo "median of $runs: SQLite $s msg/s, PostgreSQL $p msg/s, ratio PostgreSQL/SQLite $("$python" -c "print(round($p / $s, 2))") (aim: at least 0.7)"

if [ "${SYNC_ON_RUN:-1}" = 1 ]; then
  # The same first sync with every commit flushed to disk before it returns (a per-database
  # setting, picked up by espomail's new sessions).
  pg_sql postgres -c "CREATE DATABASE first_sync_on"
  pg_sql postgres -c "ALTER DATABASE first_sync_on SET synchronous_commit = on"
  export ESPOMAIL_STORE="$(pg_uri first_sync_on)"
  out=$(first_sync); read -r rate seconds cpu mib pg_cpu <<< "$out"
  echo "reference: PostgreSQL with synchronous_commit=on: $count messages in $seconds s = $rate msg/s (espomail CPU $cpu s; postgres CPU $pg_cpu s), $("$python" -c "print(round($rate / $p, 2))") of the synchronous_commit=off median"
  pg_sql postgres -c "DROP DATABASE first_sync_on"
fi
