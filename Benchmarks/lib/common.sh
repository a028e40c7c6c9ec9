# Shared set-up of the benchmark scripts (sourced): the release binary, Debian's python, a scratch
# directory removed on exit, and a private loopback Dovecot whose user "bench" holds COUNT generated
# messages. Defines: root, espomail, python, work, port, free_port. Usage: start_bench_mailbox COUNT
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
espomail="$root/.build/release/espomail"
[ -x "$espomail" ] || (cd "$root" && swift build -c release >/dev/null)
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
chmod 755 "$work"   # Dovecot runs unprivileged and must reach its files
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"
cleanup() { bash "$root/Benchmarks/lib/dovecot_ctl.sh" stop "$work/dovecot" || true; rm -rf "$work"; }
trap cleanup EXIT

start_bench_mailbox() {
  mkdir -p "$work/dovecot/home/bench/Maildir"
  "$python" "$root/Benchmarks/lib/gen_maildir.py" "$work/dovecot/home/bench/Maildir" "$1" 42 >/dev/null
  bash "$root/Benchmarks/lib/dovecot_ctl.sh" start "$work/dovecot" "$port" "$(free_port)"
}
