#!/bin/bash
# Start/stop a private, unprivileged Dovecot bound to 127.0.0.1 only.
#   dovecot_ctl.sh start RUNDIR [IMAP_PORT] [IMAPS_PORT]   (RUNDIR/home/bench/Maildir must exist)
#   dovecot_ctl.sh stop  RUNDIR
# Users: "bench" (password "benchpass") plus, from $DOVECOT_USERS, "name:password" pairs separated by
# spaces. DOVECOT_LOGIN_REUSE=1 runs its login processes in the high-performance mode (kept and
# reused) instead of one per connection. When invoked as root, Dovecot runs as
# $BENCH_USER (default nobody:nogroup), never as root. Everything (config, sockets,
# logs, state, mail) lives under RUNDIR. The master's pid is kept in RUNDIR/dovecot.pid.
set -euo pipefail
cmd=${1:?start|stop}; run=$(readlink -f "${2:?RUNDIR}")
port=${3:-14300}; sport=${4:-14993}

if [ "$cmd" = stop ]; then
  if [ -f "$run/dovecot.pid" ]; then
    pid=$(cat "$run/dovecot.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$run/dovecot.pid"
  fi
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  user=${BENCH_USER:-nobody}; group=$(id -gn "$user")
else
  user=$(id -un); group=$(id -gn)
fi
uid=$(id -u "$user"); gid=$(getent group "$group" | cut -d: -f3)
mkdir -p "$run"/{base,state,log}
echo "bench:{PLAIN}benchpass" > "$run/users"
for entry in ${DOVECOT_USERS:-}; do echo "${entry%%:*}:{PLAIN}${entry#*:}" >> "$run/users"; done
if [ ! -f "$run/key.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/key.pem" -out "$run/cert.pem" \
    -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" >/dev/null 2>&1
fi
login_service_count=1 login_min_avail=0
if [ "${DOVECOT_LOGIN_REUSE:-0}" = 1 ]; then login_service_count=0 login_min_avail=$(nproc); fi
cat > "$run/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $run/base
state_dir = $run/state
log_path = $run/log/dovecot.log
info_log_path = $run/log/dovecot-info.log
instance_name = espomail-$(basename "$run")
ssl = yes
ssl_cert = <$run/cert.pem
ssl_key = <$run/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = 0
mail_max_userip_connections = 64
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $run/users
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$run/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  # DOVECOT_LOGIN_REUSE=1: Dovecot's "high-performance" login mode, login processes kept and
  # reused (one per core, each for many connections) instead of one started per connection.
  service_count = $login_service_count
  process_min_avail = $login_min_avail
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $sport
    ssl = yes
  }
}
service anvil {
  chroot =
}
service imap {
  # More when asked (DOVECOT_IMAP_PROCESS_LIMIT): one process per session, watched accounts idle in them.
  process_limit = ${DOVECOT_IMAP_PROCESS_LIMIT:-64}
}
default_client_limit = ${DOVECOT_DEFAULT_CLIENT_LIMIT:-1000}
EOF
chown -R "$uid:$gid" "$run"
chmod 755 "$run"
if [ "$(id -u)" = 0 ]; then
  setpriv --reuid="$uid" --regid="$gid" --clear-groups \
    /usr/sbin/dovecot -F -c "$run/dovecot.conf" >>"$run/log/stdout.log" 2>&1 &
else
  /usr/sbin/dovecot -F -c "$run/dovecot.conf" >>"$run/log/stdout.log" 2>&1 &
fi
echo $! > "$run/dovecot.pid"
for _ in $(seq 100); do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then exit 0; fi
  sleep 0.1
done
echo "dovecot did not come up; log:" >&2; cat "$run"/log/* >&2; "$0" stop "$run"; exit 1
