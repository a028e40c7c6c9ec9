#!/usr/bin/env bash
# Fetch workers sharing one PostgreSQL store: a cron pass with nothing new (`fetch --all`, every
# account already synced, mailboxes unchanged) over N accounts (default 1,000; one Dovecot user
# each, set up as in no-change.sh) run by 1, 2 and 4 `fetch --all` processes started at once. Each
# account is fetched by the worker that takes its lease first (a PostgreSQL advisory lock); the
# others skip it as busy. Every worker runs with --jobs $JOBS (default 1: one account at a time, so
# that W workers mean W accounts at once). Prints each pass (start of the first worker to end of the
# last; account fetches and skips (busy, or fetched by another run) counted from the workers' JSON reports; CPU seconds of the
# espomail processes, the postgres server and Dovecot), medians of RUNS passes (default 3) and the
# speed-ups of 2 and 4 workers over 1 (the issue's aim: 4 workers at least 3x faster than 1 when the
# server has the cores), then one pass each of 2 and 4 workers given disjoint shares of the
# accounts by name, for reference.
#   Benchmarks/pg-workers.sh [ACCOUNTS] [RUNS]      (JOBS=N sets each worker's --jobs)
# Measured 2026-12-04 (2 cores, 1000 3, JOBS=1, commit a40037a): 1 worker 15.9 s, 2 workers 10.7 s
# (1.49x), 4 workers 10.4 s (1.53x; each account fetched once per pass); split by name 4 workers 1.72x
# (Docs/performance.md, "PostgreSQL").
source "$(dirname "$0")/lib/common.sh"
accounts="${1:-1000}"
runs="${2:-3}"
jobs="${JOBS:-1}"
start_bench_boxes "$accounts"
start_bench_postgres
pg_pid="$(cat "$work/pg/postgres.pid")"
dovecot_pid="$(cat "$work/dovecot/dovecot.pid")"
pg_sql postgres -c "CREATE DATABASE workers"
export ESPOMAIL_STORE="$(pg_uri workers)"
"$espomail" init >/dev/null
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "servers: PostgreSQL $(pg_sql postgres -c 'SHOW server_version' | cut -d' ' -f1) (synchronous_commit=$(pg_sql postgres -c 'SHOW synchronous_commit')) and Dovecot $(/usr/sbin/dovecot --version | cut -d' ' -f1) on 127.0.0.1, same machine"
start=$(date +%s.%N)
add_bench_box_accounts "$accounts"
added=$(date +%s.%N)
"$espomail" fetch --all --jobs 8 --quiet   # the first sync; every later pass finds nothing new
synced=$(date +%s.%N)
echo "set-up: $accounts accounts added in $("$python" -c "print(round($added - $start, 1))") s, first sync in $("$python" -c "print(round($synced - $added, 1))") s; each worker runs fetch --all --jobs $jobs"

# One pass by $1 workers started at once, each with `fetch --all` or, with $2 = split, each with
# its own share of the accounts by name (account i to worker i mod $1: no lease is ever contended);
# prints "seconds fetched busy espomail-cpu postgres-cpu dovecot-cpu".
pass() {
  local workers=$1 mode=${2:-all} pids=() w i status pg_before dovecot_before start end
  local -a targets
  pg_before=$(tree_cpu "$pg_pid"); dovecot_before=$(tree_cpu "$dovecot_pid")
  start=$(date +%s.%N)
  for w in $(seq "$workers"); do
    targets=(--all)
    if [ "$mode" = split ]; then
      targets=(); for i in $(seq "$w" "$workers" "$accounts"); do targets+=("box$i"); done
    fi
    /usr/bin/time -f "%U %S" -o "$work/time.$w" "$espomail" --format json fetch "${targets[@]}" --jobs "$jobs" \
      > "$work/report.$w" 2> "$work/stderr.$w" &
    pids+=($!)
  done
  for w in $(seq "$workers"); do
    status=0; wait "${pids[$((w - 1))]}" || status=$?
    # 75: some accounts were busy (held by another worker), the expected outcome with several.
    [ "$status" = 0 ] || [ "$status" = 75 ] || { echo "worker $w exited $status" >&2; cat "$work/stderr.$w" >&2; exit 1; }
  done
  end=$(date +%s.%N)
  sleep 0.3   # let postgres reap the workers' backends, so that their CPU is counted
  "$python" - "$workers" "$work" "$(python_round "$end - $start")" "$(python_round "$(tree_cpu "$pg_pid") - $pg_before")" \
    "$(python_round "$(tree_cpu "$dovecot_pid") - $dovecot_before")" <<'PY'
import json, sys
workers, work, seconds, pg_cpu, dovecot_cpu = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
fetched = busy = 0
cpu = 0.0
for w in range(1, workers + 1):
    report = json.load(open(f"{work}/report.{w}"))
    accounts = report["accounts"] if isinstance(report, dict) else report
    fetched += sum(1 for a in accounts if a["status"] == "ok")
    busy += sum(1 for a in accounts if a["status"] in ("busy", "fetched-by-another-run"))
    user, system = open(f"{work}/time.{w}").read().split()[-2:]
    cpu += float(user) + float(system)
print(seconds, fetched, busy, round(cpu, 1), pg_cpu, dovecot_cpu)
PY
}
python_round() { "$python" -c "print(round($1, 2))"; }

declare -A times
for run in $(seq "$runs"); do
  for workers in 1 2 4; do
    out=$(pass "$workers")
    read -r seconds fetched busy espomail_cpu pg_cpu dovecot_cpu <<< "$out"
    times[$workers]="${times[$workers]:-} $seconds"
    echo "run $run, $workers worker(s): $seconds s ($fetched account fetches, $busy skips (busy, or fetched by another run); CPU s: espomail $espomail_cpu, postgres $pg_cpu, dovecot $dovecot_cpu; total $(python_round "$espomail_cpu + $pg_cpu + $dovecot_cpu") on $(nproc) cores)"
  done
done
declare -A medians
for workers in 1 2 4; do
  read -r -a list <<< "${times[$workers]}"
  medians[$workers]=$(median "${list[@]}")
  echo "median of $runs, $workers worker(s): ${medians[$workers]} s ($(python_round "${medians[$workers]} * 1000 / $accounts") ms per account)"
done
echo "speed-up over 1 worker: 2 workers $(python_round "${medians[1]} / ${medians[2]}"), 4 workers $(python_round "${medians[1]} / ${medians[4]}") (aim with the cores: 4 workers at least 3)"

# Reference: the same pass with the accounts split between the workers by name, so that each
# account is fetched exactly once whatever the timing (what the leases alone do not ensure: a
# worker that reaches an account another one has already finished fetches it again).
for workers in 2 4; do
  out=$(pass "$workers" split)
  read -r seconds fetched busy espomail_cpu pg_cpu dovecot_cpu <<< "$out"
  echo "reference, $workers worker(s) each given 1/$workers of the accounts by name: $seconds s ($fetched account fetches; CPU s: espomail $espomail_cpu, postgres $pg_cpu, dovecot $dovecot_cpu), speed-up over 1 worker $(python_round "${medians[1]} / $seconds")"
done
