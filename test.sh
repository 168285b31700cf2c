#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: starts what the tests need (a PostgreSQL server on loopback,
# headless Chromium for the dashboard test), builds the solution, runs every test project, prints one summary line.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

configuration=${CONFIGURATION:-Release}
results="$root/TestResults"
rm -rf "$results"

started_postgres=0
cleanup() {
  if [ "$started_postgres" = 1 ]; then bash .ci/stop-postgres.sh >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# PostgreSQL for the clustered-journal tests (the script installs it when missing; its last line is
# AXOM_TEST_POSTGRES=<connection string>).
if [ -z "${AXOM_TEST_POSTGRES:-}" ]; then
  pg_line=$(bash .ci/start-postgres.sh | tail -1)
  export "${pg_line?}"
  started_postgres=1
fi

# Headless Chromium for the dashboard browser test.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing chromium for the browser test..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null
fi

dotnet build AxomObserver.sln -c "$configuration" -nologo -clp:ErrorsOnly

status=0
# Projects run one after another: the 2-core machine also hosts the servers the tests start.
dotnet test AxomObserver.sln -c "$configuration" --no-build -nologo -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
exit "$status"
