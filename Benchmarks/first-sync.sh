#!/usr/bin/env bash
# First-sync throughput: espomail's `fetch` of N generated messages (default 10,000) from a private
# loopback Dovecot, against Python imaplib's bare `UID FETCH 1:* (BODY.PEEK[])` of the same mailbox
# and against mbsync (isync) pulling it into a Maildir, measured in the same run. Prints each run,
# then medians of RUNS runs (default 3) and the ratios.
#   Benchmarks/first-sync.sh [COUNT] [RUNS]        (builds the release binary if it is missing;
#   installs Debian's isync for mbsync when it is missing and the script runs as root)
source "$(dirname "$0")/lib/common.sh"
count="${1:-10000}"
runs="${2:-3}"
start_bench_mailbox "$count"
bytes="$(du -sb "$work/dovecot/home/bench/Maildir/cur" | cut -f1)"
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "mailbox: $count messages, $((bytes / 1048576)) MiB, Dovecot $(/usr/sbin/dovecot --version | cut -d' ' -f1) on 127.0.0.1:$port"
# Warm Dovecot's index and the page cache once, and Dovecot's cache of the header fields
# espomail asks for with one untimed espomail pass, so that every run measures the same state.
"$python" "$root/Benchmarks/lib/pyimap_bench.py" "$port" bulk >/dev/null
(
  export ESPOMAIL_STORE="$work/warm.sqlite"
  "$espomail" init >/dev/null
  echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
    --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
  "$espomail" fetch bench --quiet
)
rm -rf "$work"/warm.sqlite*

command -v mbsync >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq isync >/dev/null 2>&1; } || true
have_mbsync=$(command -v mbsync >/dev/null && echo yes || echo no)
[ "$have_mbsync" = yes ] || echo "mbsync not found (apt-get install isync): its column is skipped" >&2

# One mbsync pull of the whole mailbox into a fresh Maildir; prints msg/s.
mbsync_rate() {
  local dir="$work/mbsync-$1"
  mkdir -p "$dir"
  cat >"$work/mbsyncrc" <<RC
IMAPAccount bench
Host 127.0.0.1
Port $port
User bench
Pass benchpass
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account bench

MaildirStore local
Path $dir/
Inbox $dir/INBOX

Channel bench
Far :remote:
Near :local:
Patterns INBOX
Create Near
Sync Pull
SyncState *
RC
  local start end pulled
  sync
  start=$(date +%s.%N)
  mbsync -q -c "$work/mbsyncrc" bench >/dev/null 2>"$work/mbsync.err" || { cat "$work/mbsync.err" >&2; exit 1; }
  end=$(date +%s.%N)
  pulled=$(find "$dir/INBOX/new" "$dir/INBOX/cur" -type f | wc -l)
  rm -rf "$dir"
  "$python" -c "print(round($pulled / ($end - $start)))"
}

espomail_rates=()
imaplib_rates=()
mbsync_rates=()
for run in $(seq "$runs"); do
  export ESPOMAIL_STORE="$work/store-$run.sqlite"
  "$espomail" init >/dev/null
  echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
    --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
  # Each tool starts with no dirty pages of the one before waiting to be written back.
  sync
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$espomail" fetch bench --quiet
  end=$(date +%s.%N)
  peak_mib=$(( $(cat "$work/rss") / 1024 ))
  imported=$("$espomail" --format json account status bench | "$python" -c 'import json,sys; print(sum(json.load(sys.stdin)[0]["ledger"].values()))')
  rate=$("$python" -c "print(round($imported / ($end - $start)))")
  store_bytes=$(du -cb "$ESPOMAIL_STORE"* 2>/dev/null | tail -1 | cut -f1)
  espomail_rates+=("$rate")
  echo "run $run: espomail first sync: $imported messages in $("$python" -c "print(round($end - $start, 2))") s = $rate msg/s (store $((store_bytes / 1048576)) MiB, $((store_bytes / imported)) bytes/message, peak memory $peak_mib MiB)"
  sync
  rate=$("$python" "$root/Benchmarks/lib/pyimap_bench.py" "$port" bulk | "$python" -c 'import json,sys; print(round(json.load(sys.stdin)["msgs_per_s"]))')
  imaplib_rates+=("$rate")
  echo "run $run: python imaplib bulk UID FETCH 1:* BODY.PEEK[]: $rate msg/s"
  if [ "$have_mbsync" = yes ]; then
    rate=$(mbsync_rate "$run")
    mbsync_rates+=("$rate")
    echo "run $run: mbsync $(mbsync --version | cut -d' ' -f2) pull into a Maildir: $rate msg/s"
  fi
  rm -rf "$ESPOMAIL_STORE"*
done
e=$(median "${espomail_rates[@]}")
i=$(median "${imaplib_rates[@]}")
echo "median of $runs: espomail $e msg/s, imaplib $i msg/s, ratio $("$python" -c "print(round($e / $i, 2))")"
if [ "$have_mbsync" = yes ]; then
  m=$(median "${mbsync_rates[@]}")
  echo "median of $runs: mbsync $m msg/s, espomail/mbsync ratio $("$python" -c "print(round($e / $m, 2))")"
fi
