#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store's PostgreSQL tests and print its URL.
# Idempotent: installs Debian's postgresql when missing (as root), makes a scratch cluster under
# ${PGSCRATCH:-/tmp/chronicle-pg}, listens only on a Unix socket there (no TCP), creates database
# "scratch". Usage (in .ci/run):  export CHRONICLE_TEST_PG_URL="$(scripts/ci_postgres_setup.sh)"
# Prints nothing (and the PostgreSQL tests skip with their reason) when a server cannot be had.
set -uo pipefail
DIR="${PGSCRATCH:-/tmp/chronicle-pg}"
PORT="${PGPORT_SCRATCH:-54329}"
log() { echo "ci_postgres_setup: $*" >&2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql; } >/dev/null 2>&1 \
      || { log "apt-get install postgresql failed"; exit 0; }
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -n "$bindir" ] || { log "no PostgreSQL server binaries; PostgreSQL tests will skip"; exit 0; }
fi

# The server refuses to run as root: use the postgres system user when we are root.
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  run "'$bindir/initdb' -D '$DIR/data' -U postgres -A trust >/dev/null" || { log "initdb failed"; exit 0; }
fi
if ! run "'$bindir/pg_ctl' -D '$DIR/data' status >/dev/null 2>&1"; then
  run "'$bindir/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -o \"-k '$DIR' -p $PORT -c listen_addresses=''\" start >/dev/null" \
    || { log "server did not start (see $DIR/log)"; exit 0; }
fi
run "'$bindir/psql' -h '$DIR' -p $PORT -U postgres -tAc \"select 1 from pg_database where datname='scratch'\" | grep -q 1" \
  || run "'$bindir/createdb' -h '$DIR' -p $PORT -U postgres scratch" || { log "createdb failed"; exit 0; }
echo "postgresql://postgres@/scratch?host=$DIR&port=$PORT"
