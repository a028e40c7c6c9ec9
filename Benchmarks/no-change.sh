#!/usr/bin/env bash
# A cron pass with nothing new: `fetch --all` over N accounts (default 200) on a private loopback
# Dovecot, each account already synced, with --jobs 1 and --jobs 8. Each account costs a connect,
# a login and one STATUS per folder (folders whose UIDVALIDITY and UIDNEXT did not move are
# skipped). Prints medians of RUNS runs (default 3) and the speed-up of 8 jobs over 1.
#   Benchmarks/no-change.sh [ACCOUNTS] [RUNS]
source "$(dirname "$0")/lib/common.sh"
accounts="${1:-200}"
runs="${2:-3}"
start_bench_boxes "$accounts"
export ESPOMAIL_STORE="$work/store.sqlite"
"$espomail" init >/dev/null
add_bench_box_accounts "$accounts"
"$espomail" fetch --all --jobs 8 --quiet   # the first sync; every later pass finds nothing new
declare -A medians
for jobs in 1 8; do
  times=()
  for run in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$espomail" fetch --all --jobs "$jobs" --quiet
    end=$(date +%s.%N)
    times+=("$("$python" -c "print(round($end - $start, 3))")")
  done
  medians[$jobs]=$(median "${times[@]}")
  echo "fetch --all --jobs $jobs over $accounts accounts, nothing new: ${times[*]} s; median ${medians[$jobs]} s ($("$python" -c "print(round(${medians[$jobs]} * 1000 / $accounts, 1))") ms per account)"
done
echo "speed-up of --jobs 8 over --jobs 1: $("$python" -c "print(round(${medians[1]} / ${medians[8]}, 2))")"
