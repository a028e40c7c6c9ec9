#!/usr/bin/env bash
# A short tour of espomail on a throw-away store: people, roles, CRM records and a case.
# Run from the repository root after `swift build -c release`.
set -euo pipefail
espomail="${ESPOMAIL_BIN:-.build/release/espomail}"
export ESPOMAIL_STORE="${ESPOMAIL_STORE:-$(mktemp -d)/store.sqlite}"
me="$(id -un)"
step() { printf '\n$ espomail %s\n' "$*"; "$espomail" "$@"; }

step init
step team add Support
step user add alice --name "Alice Agent" --email alice@example.com --team Support
step team member add Support alice --position "Level 1"
step role create Agent
step role set Agent email.read=own case.read=team case.edit=own case.create=yes group-email-account=team
step user role add alice Agent
step crm account add "Acme Ltd" --email info@acme.example
step crm contact add "Jane Roe" --email jane@acme.example --account account:1
step follow account:1 --user alice
step --as alice case create "Printer on fire" --contact contact:1
step case list
step --format json case show 1
printf '\nstore: %s (first admin: %s)\n' "$ESPOMAIL_STORE" "$me"
