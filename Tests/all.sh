#!/usr/bin/env bash
# The whole test suite: every test on SQLite stores, then every test that touches the store again
# on PostgreSQL (a private server the test support starts). Docs/testing.md, "Two store engines".
# The whole suite needs its real servers (Dovecot, GNU imap4d, the SMTP sink, PostgreSQL): a missing one
# fails the run, never skips (ESPOMAIL_REQUIRE_MAIL_SERVERS); `swift test` alone still skips them. Last,
# the Debian package is built and its contents checked (Tests/package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export ESPOMAIL_REQUIRE_MAIL_SERVERS=1
swift test
ESPOMAIL_TEST_STORE=postgresql swift test --skip-build --filter 'EspoMailStoreTests|EspoMailKitTests|EspoMailCLITests'
bash Tests/package.sh
