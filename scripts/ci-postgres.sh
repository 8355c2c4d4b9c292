#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests.
#
# Installs PostgreSQL from Debian's packages when it is missing, creates a
# cluster in a temporary folder (trust authentication, loopback only, fsync
# off: test data only), creates a database and prints its URL on stdout:
#
#   export NEWSGRAPH_TEST_PG="$(bash scripts/ci-postgres.sh)"
#
# Stop it with the command printed on stderr (pg_ctl -D DIR stop).
set -euo pipefail

log() { echo "ci-postgres: $*" >&2; }

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(find_bin)" ]; then
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN="$(find_bin)"
[ -x "$BIN/initdb" ] || { log "no initdb found under /usr/lib/postgresql"; exit 1; }

# The server refuses to run as root: use the postgres account when we are root.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

PORT="${NEWSGRAPH_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DIR="$(mktemp -d /tmp/newsgraph-pg.XXXXXX)"
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"

as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null 2>&1 \
    || as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-sync >&2
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2
as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres newsgraph_test

log "server running on 127.0.0.1:$PORT (data in $DIR); stop it with:"
log "  $( [ "$(id -u)" = 0 ] && echo 'runuser -u postgres -- ')$BIN/pg_ctl -D $DIR/data stop"
echo "postgresql://postgres@127.0.0.1:$PORT/newsgraph_test"
