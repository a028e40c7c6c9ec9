#!/usr/bin/env bash
# Regenerates the manual pages in man/ from the binary's own help, with swift-argument-parser's
# manual generator (its GenerateManual plugin): espomail(1) and one page per subcommand. It also
# records the SHA-256 of the help they were made from (man/help.sha256), which the generated-files
# test compares with the current binary's help, so a stale page fails the test suite.
# Usage (from anywhere): bash man/generate.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift package plugin generate-manual --configuration debug --multi-page \
  --date "$(date -u +%F)" --authors "the espomail developers" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
pages="$root/.build/plugins/GenerateManual/outputs/espomail"
rm -f man/*.1
cp "$pages"/*.1 man/
"$root/.build/debug/espomail" --experimental-dump-help | sha256sum | cut -d' ' -f1 > man/help.sha256
echo "man: $(ls man/*.1 | wc -l) pages written" >&2
