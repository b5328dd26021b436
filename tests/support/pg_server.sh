#!/bin/sh
# A throwaway PostgreSQL server for the tests and benchmarks: `pg_server.sh start DIR [fsync]`
# makes a cluster in DIR and starts it listening on a socket in DIR only (no TCP port, so runs
# side by side never collide); `pg_server.sh stop DIR` stops it and removes DIR. `pause DIR` stops
# the server and keeps its cluster; `resume DIR [fsync]` starts it again (a unit server that goes
# away and comes back, for the tests of the unreachable server).
# PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user that
# Debian's package creates. Trust authentication is safe here: the socket's folder is private.
set -eu
command=$1
dir=$2
fsync=${3:-off}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "pg_server.sh: PostgreSQL is not installed: run packaging/install-deps.sh --with-tests" >&2
  exit 2
fi
as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
run_server() {
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses='' -c fsync=$fsync -c synchronous_commit=$fsync -c max_connections=50" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}
case $command in
start)
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_server "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  # fsync off for the tests (a throwaway cluster); on for the benchmarks that measure durability.
  run_server
  ;;
pause)
  as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
resume)
  run_server
  ;;
stop)
  if [ -d "$dir/data" ]; then as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg_server.sh start|stop|pause|resume DIR [on|off]" >&2
  exit 2
  ;;
esac
