#!/bin/bash
# Start/stop a private PostgreSQL cluster bound to 127.0.0.1 only, for the PostgreSQL benchmarks.
#   postgres_ctl.sh start RUNDIR PORT     initdb into RUNDIR/data (once), postgres on 127.0.0.1:PORT
#   postgres_ctl.sh stop  RUNDIR          fast shutdown of the postmaster by its pid
# The superuser is "espomail" with trust authentication on 127.0.0.1 (and the socket, which lives
# in RUNDIR). Connect with postgresql://espomail@127.0.0.1:PORT/DB. When invoked as root, initdb and
# postgres run as $BENCH_USER (default nobody, as for Dovecot), since PostgreSQL refuses root.
# Durability matches the SQLite store's (WAL, synchronous=NORMAL: commits are not flushed one by
# one, a crash loses at most the last ones, never consistency): fsync on, synchronous_commit off.
# Extra server settings go in $PG_SETTINGS ("name=value name=value"), appended last so they win,
# e.g. PG_SETTINGS="synchronous_commit=on". The postmaster's pid is kept in RUNDIR/postgres.pid.
set -euo pipefail
cmd=${1:?start|stop}; run=$(readlink -f "${2:?RUNDIR}")
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

# Whether process $1 runs (a zombie left for an init that reaps late counts as gone).
alive() { local state; state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1); [ -n "$state" ] && [ "$state" != Z ]; }

if [ "$cmd" = stop ]; then
  if [ -f "$run/postgres.pid" ]; then
    pid=$(cat "$run/postgres.pid")
    if alive "$pid"; then
      kill -INT "$pid"   # fast shutdown: ends the backends, no checkpoint wait beyond the last one
      for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
      if alive "$pid"; then kill -QUIT "$pid"; fi
    fi
    rm -f "$run/postgres.pid"
  fi
  exit 0
fi

port=${3:?PORT}
[ -x "$bin/postgres" ] || { echo "PostgreSQL's server is not installed (apt-get install postgresql)" >&2; exit 1; }
as_owner=()
if [ "$(id -u)" = 0 ]; then
  user=${BENCH_USER:-nobody}
  uid=$(id -u "$user"); gid=$(id -g "$user")
  as_owner=(setpriv --reuid="$uid" --regid="$gid" --clear-groups)
fi
mkdir -p "$run"
[ "$(id -u)" = 0 ] && chown "$uid:$gid" "$run"
if [ ! -f "$run/data/PG_VERSION" ]; then
  (cd "$run" && "${as_owner[@]}" "$bin/initdb" -D "$run/data" -U espomail --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-instructions >"$run/initdb.log" 2>&1) || { cat "$run/initdb.log" >&2; exit 1; }
fi
settings=(-c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c synchronous_commit=off
          -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min)
for s in ${PG_SETTINGS:-}; do settings+=(-c "$s"); done
(cd "$run" && exec "${as_owner[@]}" "$bin/postgres" -D "$run/data" -p "$port" -k "$run" "${settings[@]}" \
  >>"$run/server.log" 2>&1) &
echo $! > "$run/postgres.pid"
for _ in $(seq 300); do
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then exit 0; fi
  alive "$(cat "$run/postgres.pid")" || break
  sleep 0.1
done
echo "postgres did not come up; log:" >&2; cat "$run/server.log" >&2; bash "$0" stop "$run"; exit 1
