#!/usr/bin/env bash
# A cron pass across a real network: `fetch --all` over ACCOUNTS already-synced accounts (default
# 1,000), each its own Dovecot user, over TLS (imaps; the private server's certificate trusted with
# --ca-file), through a proxy adding ONE_WAY_MS (default 25: a 50 ms round trip) each way; then
# 200 of them over loopback without the proxy. Each pass runs with the default settings and, for
# reference in the same run, with --jobs 4 --jobs-per-server 4; then the loopback passes again
# against Dovecot in its high-performance login mode. Prints each run, medians of RUNS runs
# (default 3) and the ratio of the default to the reference. The issue's aims: 1,000 accounts
# behind 50 ms in at most 15 s, 200 on loopback in at most 1 s.
#   Benchmarks/cron-pass.sh [ACCOUNTS] [ONE_WAY_MS] [RUNS]
# Measured 2026-12-05 (2 cores), with no CAPABILITY round trips of the session's own: 1,000 behind
# 50 ms 8.19 s (reference 67.02 s); 200 on loopback 1.27 s (reference 1.22 s), 0.68 s with Dovecot
# reusing its login processes (before: 10.33, 94.43, 1.68 and 0.86 s; Docs/performance.md,
# "A cron pass over a network").
source "$(dirname "$0")/lib/common.sh"
accounts="${1:-1000}"
delay="${2:-25}"
runs="${3:-3}"
start_bench_boxes "$accounts"
proxy_port="$(free_port)"
"$python" "$root/Benchmarks/lib/delayproxy.py" "$proxy_port" "$tls_port" "$delay" 7200 &
proxy_pid=$!
trap 'kill $proxy_pid 2>/dev/null; cleanup' EXIT
echo "machine: $(nproc) cores; Dovecot $(/usr/sbin/dovecot --version | cut -d' ' -f1), imaps on 127.0.0.1:$tls_port, through a proxy adding $delay ms each way"

# A store of `count` accounts reaching the server at `target_port`, synced once.
make_store() {
  local store=$1 count=$2 target_port=$3 i
  export ESPOMAIL_STORE="$store"
  "$espomail" init >/dev/null
  for i in $(seq "$count"); do
    echo "pw$i" | "$espomail" account add "box$i" --group --address "box$i@example.com" --imap-host 127.0.0.1 \
      --imap-port "$target_port" --security tls --ca-file "$work/dovecot/cert.pem" --username "box$i" \
      --password-stdin >/dev/null
  done
  "$espomail" fetch --all --quiet --timeout 120 || { echo "the first sync failed" >&2; exit 1; }
}

# Runs `fetch --all` with the given options `runs` times; prints the times and their median.
passes() {
  local label=$1 times=() run begin end
  shift
  for run in $(seq "$runs"); do
    begin=$(date +%s.%N)
    "$espomail" fetch --all --quiet --timeout 120 "$@" || { echo "$label: the pass failed" >&2; exit 1; }
    end=$(date +%s.%N)
    times+=("$("$python" -c "print(round($end - $begin, 2))")")
  done
  echo "$label: ${times[*]} s; median $(median "${times[@]}") s"
}

report() {
  local what=$1 default reference
  default=$(passes "$what, default settings")
  echo "$default"
  reference=$(passes "$what, --jobs 4 --jobs-per-server 4 (reference)" --jobs 4 --jobs-per-server 4)
  echo "$reference"
  local fast=${default##* median } slow=${reference##* median }
  echo "$what: the default settings take $("$python" -c "print(round(${fast% s} / ${slow% s}, 2))") of the reference's time"
}

make_store "$work/wan.sqlite" "$accounts" "$proxy_port"
report "$accounts accounts, TLS, $((delay * 2)) ms round trip"
loopback=$(( accounts < 200 ? accounts : 200 ))
make_store "$work/loopback.sqlite" "$loopback" "$tls_port"
report "$loopback accounts, TLS, loopback"

# The same loopback passes against Dovecot in its high-performance login mode (login processes
# kept and reused instead of one started per connection): on loopback the server's per-connection
# process start-up, not espomail, is most of the pass.
bash "$root/Benchmarks/lib/dovecot_ctl.sh" stop "$work/dovecot"
users=""
for i in $(seq "$accounts"); do users="$users box$i:pw$i"; done
DOVECOT_LOGIN_REUSE=1 DOVECOT_USERS="$users" bash "$root/Benchmarks/lib/dovecot_ctl.sh" start "$work/dovecot" "$port" "$tls_port"
report "$loopback accounts, TLS, loopback, Dovecot reusing its login processes"
