#!/usr/bin/env bash
# Runs every benchmark (Release build, real PostgreSQL, simulators on loopback) and writes
# docs/benchmarks.md. Usage: scripts/bench.sh [name ...]  (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
dotnet build Sourcing.sln -c Release -nologo -v q >/tmp/sourcing-bench-build.log 2>&1 || { cat /tmp/sourcing-bench-build.log >&2; exit 1; }
names=("$@")
if [ ${#names[@]} -eq 0 ]; then names=(vsphere store azure analyzer forecast); fi
out=$(mktemp)
{
  echo "# Benchmarks"
  echo
  echo "Measured by \`scripts/bench.sh\` on the project's machine kind (2 cores, 24 GiB, PostgreSQL 15 on loopback). Re-run it to refresh; each section says when it was measured."
  echo
} >"$out"
for name in "${names[@]}"; do
  echo "==> bench $name" >&2
  if ! dotnet Tests/bin/Release/net10.0/Sourcing.Tests.dll bench "$name" >>"$out"; then
    echo "(benchmark $name failed or is not available)" >>"$out"
  fi
  echo >>"$out"
done
mkdir -p docs
mv "$out" docs/benchmarks.md
echo "Wrote docs/benchmarks.md" >&2
