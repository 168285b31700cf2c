#!/usr/bin/env bash
# Stops the server started by start-postgres.sh (if running) and removes its state dir.
set -euo pipefail
BASE="${AXOM_PG_DIR:-/tmp/axom-pg}"
DATA="$BASE/data"
if [ -f "$DATA/PG_VERSION" ]; then
  BIN=""
  if command -v pg_ctl >/dev/null 2>&1; then BIN="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"; fi
  if [ -z "$BIN" ]; then BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -1)"; fi
  runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
fi
rm -rf "$BASE"
