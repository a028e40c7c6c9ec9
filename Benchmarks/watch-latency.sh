#!/usr/bin/env bash
# `fetch --watch`: from an IMAP APPEND on the server to the case, its assignment and the
# auto-reply in an SMTP sink, and the memory of one watch process over many accounts. A private
# loopback Dovecot holds ACCOUNTS mailboxes (default 200); box1 is a group account opening cases
# round-robin to team Support with an auto-reply, the others are plain group accounts, all watched
# by one process. Each run APPENDs one message to box1 (Python's imaplib) and times until the
# sink holds its reply (the reply is sent after the case's commit). The reference, in the same
# script and before the watcher starts: the same APPEND followed at once by `fetch box1`, as a
# cron pass that happened to start right then would do. Prints both medians of RUNS runs (default
# 5), their ratio, and the watcher's resident memory (VmRSS and peak VmHWM) with every account in
# IDLE, per account too.
#   Benchmarks/watch-latency.sh [ACCOUNTS] [RUNS]
source "$(dirname "$0")/lib/common.sh"
accounts="${1:-200}"
runs="${2:-5}"
export DOVECOT_IMAP_PROCESS_LIMIT=$((accounts + 64)) DOVECOT_DEFAULT_CLIENT_LIMIT=$((accounts * 2 + 100))
start_bench_boxes "$accounts"
smtp_port="$(free_port)"
"$python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" >"$work/sink.log" 2>&1 &
sink_pid=$!
trap 'kill "$sink_pid" 2>/dev/null || true; [ -z "${watch_pid:-}" ] || kill -9 "$watch_pid" 2>/dev/null || true; cleanup' EXIT
export ESPOMAIL_STORE="$work/store.sqlite"
"$espomail" init >/dev/null
"$espomail" team add Support >/dev/null
"$espomail" user add ann --name Ann --team Support >/dev/null
add_bench_box_accounts "$accounts"
"$espomail" account set box1 --team Support --smtp-host 127.0.0.1 --smtp-port "$smtp_port" --smtp-security none >/dev/null
"$espomail" template add ack --subject "We got it: {email.subject}" --body "Thanks." >/dev/null
"$espomail" account set box1 --auto-reply --reply-template ack >/dev/null
"$espomail" account set box1 --create-case --distribution round-robin --case-team Support >/dev/null
"$espomail" fetch --all --jobs 8 --quiet   # the first sync

append() {  # APPEND one new message to box1's INBOX
  "$python" - "$port" "$1" <<'PY'
import imaplib, sys, time
port, n = int(sys.argv[1]), sys.argv[2]
message = (f"From: Pat <pat{n}@cust.example>\r\nTo: box1@example.com\r\nSubject: Latency {n}\r\n"
           f"Message-ID: <latency-{n}-{time.time()}@cust.example>\r\nDate: Mon, 16 Nov 2026 10:00:00 +0000\r\n\r\nHelp.\r\n")
imap = imaplib.IMAP4("127.0.0.1", port)
imap.login("box1", "pw1")
imap.append("INBOX", None, None, message.encode())
imap.logout()
PY
}
replies() { grep -c '^---------- MESSAGE FOLLOWS ----------' "$work/sink.log" || true; }
wait_for_replies() {  # until the sink holds $1 replies; at most 30 s
  for _ in $(seq 3000); do
    [ "$(replies)" -ge "$1" ] && return 0
    sleep 0.01
  done
  echo "no auto-reply arrived" >&2; exit 1
}
now() { date +%s.%N; }
seconds() { "$python" -c "print(round($2 - $1, 3))"; }

reference=()
for run in $(seq "$runs"); do
  expected=$(( $(replies) + 1 ))
  start=$(now)
  append "ref$run"
  "$espomail" fetch box1 --quiet
  wait_for_replies "$expected"
  reference+=("$(seconds "$start" "$(now)")")
done

"$espomail" fetch --watch --verbose >/dev/null 2>"$work/watch.err" &
watch_pid=$!
for _ in $(seq 1200); do
  [ "$(grep -c ': waiting in IDLE$' "$work/watch.err" || true)" -ge "$accounts" ] && break
  sleep 0.1
done
idle="$(grep -c ': waiting in IDLE$' "$work/watch.err" || true)"
[ "$idle" -ge "$accounts" ] || { echo "only $idle of $accounts accounts reached IDLE" >&2; tail "$work/watch.err" >&2; exit 1; }
sleep 2
rss_kib=$(awk '/^VmRSS/ {print $2}' "/proc/$watch_pid/status")
threads=$(awk '/^Threads/ {print $2}' "/proc/$watch_pid/status")

watched=()
for run in $(seq "$runs"); do
  expected=$(( $(replies) + 1 ))
  start=$(now)
  append "watch$run"
  wait_for_replies "$expected"
  watched+=("$(seconds "$start" "$(now)")")
  sleep 0.3
done
hwm_kib=$(awk '/^VmHWM/ {print $2}' "/proc/$watch_pid/status")
kill -TERM "$watch_pid"
wait "$watch_pid" || { echo "the watcher did not exit cleanly" >&2; exit 1; }
watch_pid=""
cases="$("$espomail" case list --format json | "$python" -c 'import json, sys; print(len(json.load(sys.stdin)))')"
[ "$cases" = $((runs * 2 + 1)) ] || { echo "expected $((runs * 2 + 1)) cases (one per APPEND, one from the first sync), found $cases" >&2; exit 1; }

ref_median=$(median "${reference[@]}")
watch_median=$(median "${watched[@]}")
echo "APPEND to case + auto-reply, fetch box1 started at once (reference): ${reference[*]} s; median $ref_median s"
echo "APPEND to case + auto-reply, fetch --watch over $accounts accounts: ${watched[*]} s; median $watch_median s"
echo "watch / reference: $("$python" -c "print(round($watch_median / $ref_median, 2))")"
echo "watcher memory with $accounts accounts in IDLE: VmRSS $((rss_kib / 1024)) MiB ($("$python" -c "print(round($rss_kib / $accounts, 1))") KiB per account), peak VmHWM $((hwm_kib / 1024)) MiB, $threads threads"
