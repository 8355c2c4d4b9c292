#!/usr/bin/env bash
# Runs ruff, then the whole test suite, from the project's virtual environment.
# Starts a throwaway PostgreSQL server for the store tests when one can be
# installed (scripts/ci-postgres.sh); without it those tests skip with a reason.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
if [ -z "${NEWSGRAPH_TEST_PG:-}" ] && [ -f scripts/ci-postgres.sh ]; then
  if url=$(bash scripts/ci-postgres.sh 2>/tmp/newsgraph-pg.log | tail -n 1) && [ -n "$url" ]; then
    export NEWSGRAPH_TEST_PG="$url"
    echo "PostgreSQL for the store tests: $url"
  else
    echo "PostgreSQL unavailable (see /tmp/newsgraph-pg.log); its tests will skip"
  fi
fi
# The linter first (seconds): a finding fails the run like a failing test.
"$VENV/bin/ruff" check src tests scripts benchmarks || exit 1
# Debian's Chromium for the browser tests (they skip without it).
[ -f scripts/ci-chromium.sh ] && bash scripts/ci-chromium.sh
exec "$VENV/bin/python" -m pytest "$@"
