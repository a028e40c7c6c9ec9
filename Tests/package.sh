#!/usr/bin/env bash
# Builds the Debian package (Packaging/build-deb.sh) and checks it: its contents (dpkg-deb --contents),
# its control fields, its systemd units, and that the binary it carries runs on its own (no Swift
# runtime from the build machine) and sets up a store. Part of `bash Tests/all.sh`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "package check: $*" >&2; exit 1; }

package="$(bash "$root/Packaging/build-deb.sh" "$work")"
[ -f "$package" ] || fail "build-deb.sh printed '$package', which is not a file"

contents="$(dpkg-deb --contents "$package" | awk '{print $6}')"
expect_file() { grep -qx "./$1" <<<"$contents" || fail "the package lacks /$1"; }
expect_file usr/bin/espomail
for page in "$root"/man/*.1; do expect_file "usr/share/man/man1/$(basename "$page").gz"; done
expect_file usr/share/bash-completion/completions/espomail
expect_file usr/share/zsh/vendor-completions/_espomail
expect_file usr/share/fish/vendor_completions.d/espomail.fish
expect_file lib/systemd/system/espomail-fetch.service
expect_file lib/systemd/system/espomail-fetch.timer
expect_file lib/systemd/system/espomail-watch.service
expect_file etc/default/espomail
expect_file usr/share/doc/espomail/copyright
expect_file usr/share/doc/espomail/changelog.gz

field() { dpkg-deb --field "$package" "$1"; }
[ "$(field Package)" = espomail ] || fail "Package is '$(field Package)'"
# Outputs are read whole before grep looks at them: `grep -q` stops reading at its match, and under
# pipefail the writer's broken pipe would fail the check now and then.
depends="$(field Depends)"
for library in libgmime-3.0-0 libcurl4 libsqlite3-0 libpq5 libuchardet0 adduser; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
controls="$(dpkg-deb --ctrl-tarfile "$package" | tar -t)"
grep -qx './conffiles' <<<"$controls" || fail "no conffiles"

dpkg-deb -x "$package" "$work/root"
binary="$work/root/usr/bin/espomail"
libraries="$(ldd "$binary")"
if grep -q 'swift\|libFoundation\|libdispatch' <<<"$libraries"; then
  fail "the binary needs the build machine's Swift runtime: $(grep 'swift\|Foundation\|dispatch' <<<"$libraries")"
fi
version="$("$binary" --version)"
[ "$version" = "$(field Version)" ] || fail "the binary says $version, the package $(field Version)"
ESPOMAIL_STORE="$work/store.sqlite" "$binary" init --quiet || fail "the packaged binary cannot create a store"
users="$(ESPOMAIL_STORE="$work/store.sqlite" "$binary" user list --format json)"
grep -q '"login"' <<<"$users" || fail "the packaged binary cannot read the store it created"
units="$work/root/lib/systemd/system"
grep -qx 'ExecStart=/usr/bin/espomail fetch --all --quiet' "$units/espomail-fetch.service" \
  || fail "the service does not run fetch --all"
grep -qx 'ExecStart=/usr/bin/espomail fetch --watch --quiet' "$units/espomail-watch.service" \
  || fail "the watch service does not run fetch --watch"
if command -v systemd-analyze >/dev/null; then
  # Only the unit files' own faults count: the binary and its man pages are not installed here.
  systemd-analyze verify "$units/espomail-fetch.service" "$units/espomail-fetch.timer" \
    "$units/espomail-watch.service" 2>"$work/verify" || true
  if grep -v "Command 'man \|Command /usr/bin/espomail is not executable" "$work/verify" | grep .; then
    fail "systemd finds fault with the units"
  fi
fi
echo "package check: $(basename "$package") ($(du -k "$package" | cut -f1) KiB, $(wc -l <<<"$contents") entries) is sound" >&2
