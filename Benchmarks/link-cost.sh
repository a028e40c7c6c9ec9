#!/usr/bin/env bash
# What linking costs a first sync: the same COUNT recent messages (default 10,000) fetched into a
# store without CRM records (nothing to link, nobody follows) and into one with 2,000 accounts and
# 20,000 contacts holding the senders' addresses and a follower (every email linked, two stream
# notes, follower notifications), alternating, RUNS times each (default 3). Both stores have the
# same users: agent (reads all mail, follows every tenth account) and three users whose addresses
# are among the recipients. Prints each run, the medians and the extra time linking takes.
#   Benchmarks/link-cost.sh [COUNT] [RUNS]
source "$(dirname "$0")/lib/common.sh"
count="${1:-10000}"
runs="${2:-3}"
start_bench_mailbox "$count" recent
"$python" "$root/Benchmarks/lib/pyimap_bench.py" "$port" bulk >/dev/null   # warm Dovecot and the page cache
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"

# One first sync into a fresh store; $1 = plain or linked. Prints "msg/s linked notifications".
sync_once() {
  export ESPOMAIL_STORE="$work/store-$1.sqlite"
  "$espomail" init >/dev/null
  "$espomail" role create Reader >/dev/null
  "$espomail" role set Reader email.read=all >/dev/null
  "$espomail" user add agent --email agent@example.org >/dev/null
  "$espomail" user role add agent Reader >/dev/null
  for login in alice60 julia67 mile24; do
    "$espomail" user add "$login" --email "$login@example.org" >/dev/null
    "$espomail" user role add "$login" Reader >/dev/null
  done
  [ "$1" = linked ] && seed_crm_records
  echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
    --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
  local start end
  start=$(date +%s.%N)
  "$espomail" fetch bench --quiet
  end=$(date +%s.%N)
  echo "$("$python" -c "print(round($count / ($end - $start)))")" \
    "$(sqlite3 "$ESPOMAIL_STORE" "SELECT COUNT(*) FROM email WHERE parent_id IS NOT NULL")" \
    "$(sqlite3 "$ESPOMAIL_STORE" "SELECT COUNT(*) FROM notification")" \
    "$(sqlite3 "$ESPOMAIL_STORE" "SELECT COUNT(*) FROM note")"
  rm -rf "$ESPOMAIL_STORE"*
}

plain=()
linked=()
for run in $(seq "$runs"); do
  read -r rate parents notifications notes < <(sync_once plain)
  plain+=("$rate")
  echo "run $run: no CRM records: $rate msg/s ($parents linked, $notifications notifications, $notes notes)"
  read -r rate parents notifications notes < <(sync_once linked)
  linked+=("$rate")
  echo "run $run: CRM records:    $rate msg/s ($parents linked, $notifications notifications, $notes notes)"
done
p=$(median "${plain[@]}")
l=$(median "${linked[@]}")
echo "median of $runs: no CRM records $p msg/s, CRM records $l msg/s: linking adds $("$python" -c "print(round(($p / $l - 1) * 100, 1))") % to the first sync"
