#!/usr/bin/env bash
# Paging and export at scale: a store of N emails (generated with SQL like link-scale.sh, each
# with a body of a few hundred bytes), then `email export` of all of them as JSON Lines and the
# time of one `email list --limit 50` page deep in the listing (`--before` the middle email).
# Prints emails/s of the export, its peak memory, and the page time per store size.
#   Benchmarks/export.sh [SIZES...]     (default: 10000 1000000)
source "$(dirname "$0")/lib/common.sh"
sizes=("${@:-10000 1000000}")
read -r -a sizes <<< "${sizes[*]}"

for size in "${sizes[@]}"; do
  export ESPOMAIL_STORE="$work/store-$size.sqlite"
  "$espomail" init >/dev/null
  sqlite3 "$ESPOMAIL_STORE" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO email_address(address, lower) VALUES ('sender@example.org', 'sender@example.org');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $size)
INSERT INTO email(message_id, subject, from_address_id, from_string, date_sent, body_plain)
  SELECT '<m.' || i || '@history.example>', 'Message ' || i, 1, 'Sender <sender@example.org>',
         strftime('%Y-%m-%dT%H:%M:%SZ', '2020-01-01', '+' || (i / 3) || ' minutes'),
         'Body of message ' || i || '. ' || printf('%.300c', 'x')
  FROM n;
INSERT INTO email_recipient(email_id, kind, email_address_id) SELECT id, 'from', from_address_id FROM email;
COMMIT;
SQL
  runs=()
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$espomail" email export > "$work/export.jsonl"
    end=$(date +%s.%N)
    runs+=("$("$python" -c "print(round($size / ($end - $start)))")")
  done
  lines=$(wc -l < "$work/export.jsonl")
  [ "$lines" -eq "$size" ] || { echo "export wrote $lines lines, expected $size" >&2; exit 1; }
  middle=$((size / 2))
  start=$(date +%s.%N)
  for _ in 1 2 3 4 5; do "$espomail" email list --limit 50 --before "$middle" --format json >/dev/null; done
  end=$(date +%s.%N)
  echo "store of $size emails: export $(median "${runs[@]}") emails/s (median of 3; $(du -h "$work/export.jsonl" | cut -f1) of JSON Lines, peak RSS $(( $(cat "$work/rss") / 1024 )) MiB); a page deep in the list: $("$python" -c "print(round(($end - $start) / 5 * 1000))") ms per call (process start included)"
  rm -rf "$ESPOMAIL_STORE"* "$work/export.jsonl"
done
