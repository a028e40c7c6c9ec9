#!/usr/bin/env bash
# The README's demo: a throw-away store, a private Dovecot on 127.0.0.1 with a group mailbox
# (support) and a personal one (alice) filled with sample mail, and an SMTP sink (aiosmtpd) that
# captures what espomail sends. Then people, roles, CRM records, email-to-case with round-robin
# distribution and auto-replies, `espomail fetch --all`, listings and `explain`.
# Run from the repository root after `swift build -c release`. Everything lives in one temporary
# directory; Dovecot and the sink are stopped by their pids at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
espomail="${ESPOMAIL_BIN:-$root/.build/release/espomail}"
work="$(mktemp -d)"
chmod 755 "$work"   # Dovecot runs unprivileged and must reach its config
export ESPOMAIL_STORE="$work/store.sqlite"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
imap_port="$(free_port)"
imaps_port="$(free_port)"
smtp_port="$(free_port)"
cleanup() {
  bash "$root/Benchmarks/lib/dovecot_ctl.sh" stop "$work/dovecot" || true
  [ -f "$work/sink.pid" ] && kill "$(cat "$work/sink.pid")" 2>/dev/null || true
}
trap cleanup EXIT
step() { printf '\n$ espomail'; printf ' %q' "$@"; printf '\n'; "$espomail" "$@"; }

# Sample mail: 20 generated messages for support; alice gets two, one of them also sent to support.
mkdir -p "$work/dovecot/home/support/Maildir" "$work/dovecot/home/alice/Maildir/cur"
python3 "$root/Benchmarks/lib/gen_maildir.py" "$work/dovecot/home/support/Maildir" 20 7 recent >/dev/null
# Dated relative to now: mail more than two days old notifies nobody, and the demo shows notifications.
hour_ago=$(date -u -R -d '1 hour ago')
minutes_ago=$(date -u -R -d '10 minutes ago')
shared="From: Jane Roe <jane@acme.example>
To: support@example.com, alice@example.com
Subject: Printer on fire
Date: $hour_ago
Message-ID: <printer-1@acme.example>

Our printer is on fire again. Please help.
"
printf '%s' "$shared" > "$work/dovecot/home/support/Maildir/cur/1800000000.M1P1.demo:2,"
printf '%s' "$shared" > "$work/dovecot/home/alice/Maildir/cur/1800000000.M1P1.demo:2,"
printf 'From: Bob <bob@example.org>\nTo: alice@example.com\nSubject: Lunch?\nDate: %s\nMessage-ID: <lunch@example.org>\n\nTomorrow at noon?\n' "$minutes_ago" \
  > "$work/dovecot/home/alice/Maildir/cur/1800000001.M2P1.demo:2,"
DOVECOT_USERS="support:support-pw alice:alice-pw" bash "$root/Benchmarks/lib/dovecot_ctl.sh" start "$work/dovecot" "$imap_port" "$imaps_port"
echo "private Dovecot on 127.0.0.1:$imap_port (pid $(cat "$work/dovecot/dovecot.pid"))"
mkdir -p "$work/sent-mail/cur" "$work/sent-mail/new" "$work/sent-mail/tmp"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/sent-mail" &
echo $! > "$work/sink.pid"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.1; done
echo "SMTP sink on 127.0.0.1:$smtp_port (pid $(cat "$work/sink.pid")), capturing into $work/sent-mail"

step init
step team add Support
step user add alice --name "Alice Agent" --email alice@example.com --team Support
step user add bob --name "Bob Agent" --email bob@example.com --team Support
step team member add Support alice --position "Level 1"
step role create Agent
step role set Agent email.read=own case.read=team case.edit=own case.create=yes personal-email-accounts=yes group-email-account=team
step user role add alice Agent
step user role add bob Agent
step crm account add "Acme Ltd" --email info@acme.example
step crm contact add "Jane Roe" --email jane@acme.example --account account:1
step follow account:1 --user alice
printf '\n$ echo ... | espomail account add support --group ... --password-stdin --smtp-host 127.0.0.1 ...\n'
echo support-pw | "$espomail" account add support --group --address support@example.com --imap-host 127.0.0.1 \
  --imap-port "$imap_port" --security none --username support --password-stdin --team Support \
  --smtp-host 127.0.0.1 --smtp-port "$smtp_port" --smtp-security none
step template add ack --subject "We got your message: {email.subject}" --body "Hello {person.name}, we opened case {case.number} for you."
step account set support --create-case --distribution round-robin --case-team Support --auto-reply --reply-template ack
step case preview support --count 4
printf '\n$ echo ... | espomail account add alice-mail --personal --owner alice ... --password-stdin\n'
echo alice-pw | "$espomail" account add alice-mail --personal --owner alice --address alice@example.com \
  --imap-host 127.0.0.1 --imap-port "$imap_port" --security none --username alice --password-stdin
step account test support
step fetch --all --jobs 1
step fetch --all
step account status
step email list --limit 5
step --as alice email list --search printer
step --format json email list --search printer
step case list
step case show 1
printf '\nauto-replies captured by the SMTP sink: %s\n' "$(find "$work/sent-mail" -type f | wc -l)"
first_reply="$(find "$work/sent-mail" -type f | head -1)"
[ -n "$first_reply" ] && grep -E '^(To|Subject|Auto-Submitted|In-Reply-To):' "$first_reply" | sed 's/^/  /'
step explain 1
printf '\nstore: %s\n' "$ESPOMAIL_STORE"
