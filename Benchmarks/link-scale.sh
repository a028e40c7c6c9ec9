#!/usr/bin/env bash
# Linking at scale: the first sync of 10,000 new messages (fetched, parsed, linked to CRM records,
# threaded, notified) into a store already holding N emails, for N = 10,000 and 1,000,000. The big
# stores are generated directly with SQL (emails, addresses, 20,000 contacts at 2,000 accounts,
# followers), not fetched. Prints msg/s per store size and the ratio; flat means ratio near 1.
#   Benchmarks/link-scale.sh [SIZES...]     (default: 10000 1000000)
source "$(dirname "$0")/lib/common.sh"
sizes=("${@:-10000 1000000}")
read -r -a sizes <<< "${sizes[*]}"
start_bench_mailbox 10000

declare -A rates
for size in "${sizes[@]}"; do
  export ESPOMAIL_STORE="$work/store-$size.sqlite"
  "$espomail" init >/dev/null
  "$espomail" user add agent --email agent@example.org >/dev/null
  start=$(date +%s.%N)
  seed_crm_records
  sqlite3 "$ESPOMAIL_STORE" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $size)
INSERT INTO email(message_id, subject, from_address_id, from_string, date_sent, body_plain, parent_type, parent_id,
                  crm_account_id)
  SELECT '<old.' || i || '@history.example>', 'Old message ' || i, 1 + (i % 3960), 'old@example.org',
         strftime('%Y-%m-%dT%H:%M:%SZ', '2020-01-01', '+' || (i % 100000) || ' minutes'), 'Body of old message ' || i,
         'account', 1 + (i % 2000), 1 + (i % 2000)
  FROM n;
INSERT INTO email_recipient(email_id, kind, email_address_id) SELECT id, 'from', from_address_id FROM email;
INSERT INTO email_user(email_id, user_id, is_read) SELECT id, 2, 1 FROM email WHERE id % 3 = 0;
COMMIT;
SQL
  generated=$(date +%s.%N)
  echo benchpass | "$espomail" account add bench --group --address bench@example.com --imap-host 127.0.0.1 \
    --imap-port "$port" --security none --username bench --password-stdin --keep-unread --portion 100000 >/dev/null
  begin=$(date +%s.%N)
  "$espomail" fetch bench --quiet
  end=$(date +%s.%N)
  linked=$(sqlite3 "$ESPOMAIL_STORE" "SELECT COUNT(*) FROM email WHERE id > $size AND parent_id IS NOT NULL")
  rate=$("$python" -c "print(round(10000 / ($end - $begin)))")
  rates[$size]=$rate
  echo "store of $size emails (generated in $("$python" -c "print(round($generated - $start, 1))") s): first sync of 10,000 new: $rate msg/s, $linked linked to a record, $("$espomail" --format json notification list --as agent | "$python" -c 'import json,sys; print(len(json.load(sys.stdin)))') follower notifications"
  for query in "--limit 50" "--search meeting --limit 50" "--account bench --limit 50"; do
    start=$(date +%s.%N)
    for _ in 1 2 3 4 5; do "$espomail" email list $query --format json >/dev/null; done
    end=$(date +%s.%N)
    echo "  email list $query: $("$python" -c "print(round(($end - $start) / 5 * 1000))") ms per call (process start included)"
  done
  rm -rf "$ESPOMAIL_STORE"*
done
if [ "${#sizes[@]}" -ge 2 ]; then
  first=${sizes[0]}; last=${sizes[-1]}
  echo "ratio ($last vs $first): $("$python" -c "print(round(${rates[$last]} / ${rates[$first]}, 2))")"
fi
