#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the journal tests and prints its connection string
# as the last line:  AXOM_TEST_POSTGRES=Host=127.0.0.1;Port=...;...
# Idempotent: a server already running from the same state dir is reused.
# Env: AXOM_PG_PORT (default 55432), AXOM_PG_DIR (default /tmp/axom-pg).
set -euo pipefail

PORT="${AXOM_PG_PORT:-55432}"
BASE="${AXOM_PG_DIR:-/tmp/axom-pg}"
DATA="$BASE/data"
SOCK="$BASE/sock"
DB=axom_test
CONN="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$DB;Pooling=true"

find_bin() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  done
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  echo "start-postgres: installing postgresql with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
[ -n "$BIN" ] || { echo "start-postgres: pg_ctl not found after install" >&2; exit 1; }

# pg_ctl follows symlinks in /usr/local/bin poorly for initdb lookups: use the real bin dir.
BIN="$(dirname "$(readlink -f "$BIN/pg_ctl")")"

mkdir -p "$BASE" "$SOCK"
chown -R postgres:postgres "$BASE"
chmod 700 "$BASE"

if [ ! -f "$DATA/PG_VERSION" ]; then
  runuser -u postgres -- "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
fi

if ! runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 \
    -o "-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
fi

for _ in $(seq 1 60); do
  if runuser -u postgres -- "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then break; fi
  sleep 0.5
done
runuser -u postgres -- "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q || { echo "start-postgres: server did not answer" >&2; cat "$BASE/server.log" >&2; exit 1; }

if ! runuser -u postgres -- "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  runuser -u postgres -- "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

echo "AXOM_TEST_POSTGRES=$CONN"
