#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs each for a bounded time.
#
#   Fuzz/run.sh [SECONDS-PER-TARGET] [TARGET ...]     (default: 60 seconds, every target)
#
# Corpora grow in Fuzz/.work/corpus/TARGET (git-ignored) and are reused by the next run. Each
# target is seeded from fixtures: Fuzz/Seeds/imap and Tests/EspoMailIMAPTests/Fixtures/fuzz for
# FuzzIMAPResponse, the .eml fixtures of Tests/EspoMailMIMETests/Fixtures (and its fuzz/ folder)
# for FuzzMessageImport. A crash, a broken invariant, a hang (over 10 s for one input) or a
# memory blow-up (over 2 GB) stops that target; the script says where the input was written and
# exits 1 once every target has run. Keep such an input as a regression fixture (see
# Docs/testing.md, "Fuzzing").
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seconds=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzIMAPResponse FuzzMessageImport)
work="$here/.work"
build_flags=(--package-path "$here" --scratch-path "$here/.build" -c release
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

echo "== building the fuzz targets (release, -sanitize=fuzzer,address)" >&2
swift build "${build_flags[@]}" >&2
bin=$(swift build "${build_flags[@]}" --show-bin-path)

# Prints the seed folders of a target, one a line.
seeds() {
  case "$1" in
  FuzzIMAPResponse)
    echo "$here/Seeds/imap"
    echo "$root/Tests/EspoMailIMAPTests/Fixtures/fuzz"
    ;;
  FuzzMessageImport)
    local eml="$work/seeds/messages"
    rm -rf "$eml" && mkdir -p "$eml"
    cp "$root"/Tests/EspoMailMIMETests/Fixtures/*.eml "$eml"/
    for message in "$root"/Tests/EspoMailMIMETests/Fixtures/corpus/*/*.eml; do
      cp "$message" "$eml/corpus-$(basename "$(dirname "$message")")-$(basename "$message")"
    done
    echo "$eml"
    echo "$root/Tests/EspoMailMIMETests/Fixtures/fuzz"
    ;;
  *) echo "unknown target $1" >&2; exit 64 ;;
  esac
}

# The libFuzzer dictionary of a target.
dictionary() {
  case "$1" in
  FuzzIMAPResponse) echo "$here/Seeds/imap.dict" ;;
  FuzzMessageImport) echo "$here/Seeds/message.dict" ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  crashes="$work/crashes/$target"
  log="$work/logs/$target.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  # The import target's stores go to memory when it can (SQLite commits cost far less there).
  tmp=$(mktemp -d /dev/shm/espomail-fuzz.XXXXXX 2>/dev/null || mktemp -d "$work/tmp.XXXXXX")
  mapfile -t seed_dirs < <(seeds "$target")
  existing=()
  for dir in "${seed_dirs[@]}"; do [ -d "$dir" ] && existing+=("$dir"); done
  echo "== $target for $seconds s (corpus $corpus, log $log)" >&2
  status=0
  # The Swift runtime's own crash backtracer is turned off: it would wait on a crashed input
  # for minutes, while ASan and libFuzzer already print the stack.
  TMPDIR="$tmp" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 \
    "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$(dictionary "$target")" -artifact_prefix="$crashes/" \
    "$corpus" "${existing[@]}" >"$log" 2>&1 || status=$?
  rm -rf "$tmp"
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|Done [0-9]+ runs)' "$log" >&2 || true
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "!! $target stopped with status $status; last lines of $log:" >&2
    grep -E 'ERROR|Fatal error|SUMMARY|Test unit written|artifact' "$log" | tail -8 >&2 || tail -20 "$log" >&2
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "!! findings in: ${failed[*]}; inputs are in $work/crashes/TARGET/" >&2
  exit 1
fi
echo "== no findings" >&2
