#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (.ci/run, or a developer's `npm run test:unit:pg`), from Debian's
# postgresql package: `apt-get install postgresql`.
#
#   bin/pg-throwaway.sh start DIR PORT   initdb into DIR (must not exist), start on 127.0.0.1:PORT, print the URL
#   bin/pg-throwaway.sh stop DIR         stop it and delete DIR
#
# The cluster trusts local connections and skips fsync: it holds test data only, and is gone after the run.
# PostgreSQL refuses to run as root, so as root it runs as the `postgres` user the Debian package creates.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "pg-throwaway: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=${2:?DIR}
    port=${3:?PORT}
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?DIR}
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: bin/pg-throwaway.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
