#!/usr/bin/env bash
# Builds the Debian package of espomail with dpkg-deb: the release binary (Swift's runtime linked in
# statically, so the machine it goes to needs no Swift), the manual pages (man/), the shell
# completions (completions/), and a systemd service and timer that run `espomail fetch --all` every
# minute as the system user espomail (Packaging/espomail-fetch.*), or instead a service that keeps
# watching the accounts with `espomail fetch --watch` (Packaging/espomail-watch.service). Its Depends are the system
# libraries the binary links to, as dpkg-shlibdeps finds them.
# Usage: bash Packaging/build-deb.sh [OUTPUT_DIR]   (default: the repository root)
# Prints the package's path on stdout; the build's talk goes to stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
output="$(cd "${1:-$root}" && pwd)"
cd "$root"

swift build -c release --static-swift-stdlib --product espomail >&2
binary="$root/.build/release/espomail"
version="$("$binary" --version)"
arch="$(dpkg --print-architecture)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
tree="$stage/espomail_${version}_${arch}"

install -D -m 0755 "$binary" "$tree/usr/bin/espomail"
strip --strip-unneeded "$tree/usr/bin/espomail"
install -d -m 0755 "$tree/usr/share/man/man1"
for page in man/*.1; do
  gzip -9n < "$page" > "$tree/usr/share/man/man1/$(basename "$page").gz"
done
install -D -m 0644 completions/espomail.bash "$tree/usr/share/bash-completion/completions/espomail"
install -D -m 0644 completions/_espomail "$tree/usr/share/zsh/vendor-completions/_espomail"
install -D -m 0644 completions/espomail.fish "$tree/usr/share/fish/vendor_completions.d/espomail.fish"
install -D -m 0644 Packaging/espomail-fetch.service "$tree/lib/systemd/system/espomail-fetch.service"
install -D -m 0644 Packaging/espomail-fetch.timer "$tree/lib/systemd/system/espomail-fetch.timer"
install -D -m 0644 Packaging/espomail-watch.service "$tree/lib/systemd/system/espomail-watch.service"
install -D -m 0644 Packaging/default "$tree/etc/default/espomail"
install -D -m 0644 Packaging/copyright "$tree/usr/share/doc/espomail/copyright"
install -D -m 0644 README.md "$tree/usr/share/doc/espomail/README.md"
printf 'espomail (%s) unstable; urgency=medium\n\n  * Built from %s.\n\n -- espomail developers <espomail-developers@example.org>  %s\n' \
  "$version" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'a source tree')" "$(date -R)" \
  | gzip -9n > "$tree/usr/share/doc/espomail/changelog.gz"

# Depends: the shared libraries the binary needs, named by the packages that hold them.
mkdir -p "$stage/debian"
printf 'Source: espomail\n\nPackage: espomail\nArchitecture: any\n' > "$stage/debian/control"
depends="$(cd "$stage" && dpkg-shlibdeps -O "$tree/usr/bin/espomail" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

install -d -m 0755 "$tree/DEBIAN"
install -m 0755 Packaging/postinst Packaging/prerm Packaging/postrm "$tree/DEBIAN/"
echo /etc/default/espomail > "$tree/DEBIAN/conffiles"
cat > "$tree/DEBIAN/control" <<CONTROL
Package: espomail
Version: $version
Architecture: $arch
Maintainer: espomail developers <espomail-developers@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)
Depends: $depends, adduser
Section: mail
Priority: optional
Homepage: https://github.com/espomail/espomail
Description: email administration for teams, from the shell
 espomail monitors IMAP mailboxes (group and personal), imports each message
 once, links it to CRM records, turns group mail into cases distributed within
 a team, sends auto-replies without loops, applies filters, enforces roles and
 sends over SMTP. One store: an SQLite file, or PostgreSQL for teams.
 .
 The package runs "espomail fetch --all" every minute as the system user
 espomail once espomail-fetch.timer is enabled, or keeps watching the accounts
 and imports mail within seconds once espomail-watch.service is enabled instead.
CONTROL
(cd "$tree" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)

package="$output/espomail_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$tree" "$package" >&2
echo "$package"
