#!/usr/bin/env bash
# What row-level security costs an agent (Docs/security.md, "Several users on PostgreSQL"): on a
# PostgreSQL store of SIZE emails (default 100,000: MESSAGES generated messages, default 2,000,
# fetched from a private loopback Dovecot, then multiplied inside PostgreSQL), the latency of
# `email list --limit 50` and of `email list --search WORD --limit 50` for two users who connect as
# their own database roles: an admin (`espomail_service`: every row) and an agent whose role grants
# email.read=own and who has one email in a hundred (rows of `email_user` added by SQL). Medians of
# CALLS whole-process calls (default 20), the agent's ratio to the admin's (the issue's aim: within
# 2x), and each query's execution time in the server (EXPLAIN ANALYZE under SET SESSION
# AUTHORIZATION, so the policies apply as to the user's own connection).
#   Benchmarks/pg-row-security.sh [SIZE] [CALLS] [WORD]
# Measured 2026-12-04 (2 cores, commit 2a64c7c): 1000000 20: list admin 96.1 ms, agent 154.7 ms (1.61x);
# search 95.8 / 138.4 ms (1.44x); 100000 20: 1.51x and 1.77x (Docs/performance.md, "What row-level
# security costs an agent").
source "$(dirname "$0")/lib/common.sh"
size="${1:-100000}"
calls="${2:-20}"
word="${3:-meeting}"
messages="${MESSAGES:-2000}"
start_bench_mailbox "$messages"
start_bench_postgres
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "PostgreSQL $(pg_sql postgres -c 'SHOW server_version' | cut -d' ' -f1) on 127.0.0.1"
pg_sql postgres -c "CREATE DATABASE rls"
export ESPOMAIL_STORE="$(pg_uri rls)" ESPOMAIL_KEY_FILE="$work/store.key"
"$espomail" init >/dev/null
echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
  --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
"$espomail" fetch bench --quiet
"$espomail" user add boss --admin --db-role bench_boss --create-db-role >/dev/null
"$espomail" user add agent --db-role bench_agent --create-db-role >/dev/null
"$espomail" role create Own >/dev/null
"$espomail" role set Own email.read=own >/dev/null
"$espomail" user role add agent Own >/dev/null
start=$(date +%s.%N)
pg_multiply rls $((size / messages - 1))
agent_id=$(pg_sql rls -c "SELECT id FROM \"user\" WHERE login = 'agent'")
pg_sql rls -c "INSERT INTO email_user(email_id, user_id, date_sent) SELECT id, $agent_id, date_sent FROM email WHERE id % 100 = 0 ON CONFLICT DO NOTHING"
pg_sql rls -c "VACUUM ANALYZE"
end=$(date +%s.%N)
emails=$(pg_sql rls -c "SELECT count(*) FROM email")
matches=$(pg_sql rls -c "SELECT count(*) FROM email_search WHERE document @@ plainto_tsquery('simple', '$word')")
echo "store: $emails emails ($(pg_sql postgres -c "SELECT pg_size_pretty(pg_database_size('rls'))"), built in $("$python" -c "print(round($end - $start))") s); the agent has $(pg_sql rls -c "SELECT count(*) FROM email_user WHERE user_id = $agent_id"); '$word' is in $matches"

# The median milliseconds of $calls calls of `email list` connected as role $1, further arguments to it.
latency() {
  local role=$1 times=() start end
  shift
  ESPOMAIL_STORE="postgresql://$role@127.0.0.1:$pg_port/rls" "$espomail" email list "$@" --format json >/dev/null
  for _ in $(seq "$calls"); do
    start=$(date +%s.%N)
    ESPOMAIL_STORE="postgresql://$role@127.0.0.1:$pg_port/rls" "$espomail" email list "$@" --format json >/dev/null
    end=$(date +%s.%N)
    times+=("$("$python" -c "print(round(($end - $start) * 1000, 1))")")
  done
  median "${times[@]}"
}

# The server's execution time (ms) of the listing query the library sends for role $1 (user $2,
# `own` restriction when $3 is "own"), with the search condition when $4 is given.
server_ms() {
  local role=$1 user=$2 own="" search="" order="e.date_sent DESC, e.id DESC"
  [ "$3" != own ] || { own="AND eu.user_id IS NOT NULL"; order="eu.date_sent DESC, eu.email_id DESC"; }
  [ -z "${4:-}" ] || search="AND e.id IN (SELECT email_id FROM email_search WHERE document @@ plainto_tsquery('simple', regexp_replace(unaccent('$4'), '[^[:alnum:]]+', ' ', 'g')))"
  pg_sql rls -c "SET SESSION AUTHORIZATION $role" -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT e.*, eu.is_read FROM email e LEFT JOIN email_user eu ON eu.email_id = e.id AND eu.user_id = $user WHERE true $own $search ORDER BY $order LIMIT 50" |
    "$python" -c 'import json,sys; print(round(json.load(sys.stdin)[0]["Execution Time"], 2))'
}

boss_id=$(pg_sql rls -c "SELECT id FROM \"user\" WHERE login = 'boss'")
boss_list=$(latency bench_boss --limit 50)
agent_list=$(latency bench_agent --limit 50)
boss_search=$(latency bench_boss --search "$word" --limit 50)
agent_search=$(latency bench_agent --search "$word" --limit 50)
echo "email list --limit 50: admin $boss_list ms, agent $agent_list ms, ratio $("$python" -c "print(round($agent_list / $boss_list, 2))") (server $(server_ms bench_boss "$boss_id" all) and $(server_ms bench_agent "$agent_id" own) ms)"
echo "--search $word --limit 50: admin $boss_search ms, agent $agent_search ms, ratio $("$python" -c "print(round($agent_search / $boss_search, 2))") (server $(server_ms bench_boss "$boss_id" all "$word") and $(server_ms bench_agent "$agent_id" own "$word") ms)"
