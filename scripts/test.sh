#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine (PostgreSQL, Chromium), builds and
# runs all tests, and ends with the line "N passed, N failed". Exit code 0 only if all pass.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/pg.sh
source scripts/pg.sh
if [ -x scripts/browser.sh ]; then source scripts/browser.sh; fi

# Test databases a killed earlier run left behind (each test class makes its own sourcing_test_…).
# SOURCING_TEST_NO_SWEEP=1 skips this where another work tree's tests run at the same time.
[ "${SOURCING_TEST_NO_SWEEP:-0}" = "1" ] || runuser -u postgres -- psql -p "$PGPORT" -qtA -c "SELECT datname FROM pg_database WHERE datname LIKE 'sourcing_test_%'" |
  while read -r db; do runuser -u postgres -- psql -p "$PGPORT" -q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true; done

echo "==> Bygger"
dotnet build Sourcing.sln -c Release -warnaserror -nologo -v q

echo "==> Kör tester"
out=$(mktemp)
set +e
dotnet test Sourcing.sln -c Release --no-build --nologo -v q --logger "console;verbosity=normal" "$@" 2>&1 | tee "$out" | grep -vE '^\s+Passed ' 
rc=${PIPESTATUS[0]}
set -e
passed=$( (grep -oE 'Passed: +[0-9]+' "$out" || true) | awk '{s+=$2} END {print s+0}' || true)
failed=$( (grep -oE 'Failed: +[0-9]+' "$out" || true) | awk '{s+=$2} END {print s+0}' || true)
skipped=$( (grep -oE 'Skipped: +[0-9]+' "$out" || true) | awk '{s+=$2} END {print s+0}' || true)
rm -f "$out"
if [ "$passed" -eq 0 ] && [ "$rc" -eq 0 ]; then
  echo "no tests ran"; exit 1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
