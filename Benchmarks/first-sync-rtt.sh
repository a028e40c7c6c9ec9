#!/usr/bin/env bash
# First sync over a slow link: the same 10,000-message sync as first-sync.sh, through a proxy that
# adds ONE_WAY_MS (default 5, so a 10 ms round trip) in each direction. A design with one round trip
# per message would manage at most 100 msg/s here; espomail pipelines whole chunks.
#   Benchmarks/first-sync-rtt.sh [COUNT] [ONE_WAY_MS]
source "$(dirname "$0")/lib/common.sh"
count="${1:-10000}"
delay="${2:-5}"
start_bench_mailbox "$count"
proxy_port="$(free_port)"
"$python" "$root/Benchmarks/lib/delayproxy.py" "$proxy_port" "$port" "$delay" 600 &
proxy_pid=$!
trap 'kill $proxy_pid 2>/dev/null; cleanup' EXIT
sleep 0.5
for target in "$port:direct" "$proxy_port:$((delay * 2)) ms round trip"; do
  export ESPOMAIL_STORE="$work/store-${target%%:*}.sqlite"
  "$espomail" init >/dev/null
  echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
    --imap-port "${target%%:*}" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
  begin=$(date +%s.%N)
  "$espomail" fetch bench --quiet --timeout 120
  end=$(date +%s.%N)
  echo "${target#*:}: $count messages in $("$python" -c "print(round($end - $begin, 2))") s = $("$python" -c "print(round($count / ($end - $begin)))") msg/s"
done
