#!/usr/bin/env bash
# The whole test suite: every test on SQLite stores, then every test that touches the store again
# on PostgreSQL (a private server the test support starts). Docs/testing.md, "Two store engines".
set -euo pipefail
cd "$(dirname "$0")/.."
swift test
ESPOMAIL_TEST_STORE=postgresql swift test --skip-build --filter 'EspoMailStoreTests|EspoMailKitTests|EspoMailCLITests'
