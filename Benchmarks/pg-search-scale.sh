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
pg_multiply search "$copies"
end=$(date +%s.%N)
echo "multiplied to $size emails inside PostgreSQL in $("$python" -c "print(round($end - $start))") s (INSERT ... SELECT, then VACUUM ANALYZE)"
measure big
echo "ratio ($size vs $messages emails): email list --limit 50 $("$python" -c "print(round(${list_ms[big]} / ${list_ms[small]}, 2))"), --search $word $("$python" -c "print(round(${search_ms[big]} / ${search_ms[small]}, 2))")"
