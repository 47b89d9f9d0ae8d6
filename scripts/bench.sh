#!/usr/bin/env bash
# Runs the benchmarks (Release build, real PostgreSQL, simulators on loopback) and writes
# docs/benchmarks.md. Usage: scripts/bench.sh [name ...]  (default: all)
# Each benchmark's section sits between <!-- bench:NAME --> markers, so running some of them
# replaces only their sections and keeps the others' earlier figures.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
dotnet build Sourcing.sln -c Release -nologo -v q >/tmp/sourcing-bench-build.log 2>&1 || { cat /tmp/sourcing-bench-build.log >&2; exit 1; }
all=(vsphere store azure analyzer forecast scale pages)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then names=("${all[@]}"); fi
mkdir -p docs
sections=$(mktemp -d)
# Earlier sections, kept for the benchmarks not run now.
if [ -f docs/benchmarks.md ]; then
  for name in "${all[@]}"; do
    sed -n "/^<!-- bench:$name -->\$/,/^<!-- \\/bench:$name -->\$/p" docs/benchmarks.md >"$sections/$name"
  done
fi
for name in "${names[@]}"; do
  echo "==> bench $name" >&2
  {
    echo "<!-- bench:$name -->"
    if ! dotnet Tests/bin/Release/net10.0/Sourcing.Tests.dll bench "$name"; then
      echo "(benchmark $name failed or is not available)"
    fi
    echo "<!-- /bench:$name -->"
  } >"$sections/$name.new"
  mv "$sections/$name.new" "$sections/$name"
done
{
  echo "# Benchmarks"
  echo
  echo "Measured by \`scripts/bench.sh\` on the project's machine kind (2 cores, 24 GiB, PostgreSQL 15 on loopback). Re-run it to refresh (\`scripts/bench.sh analyzer\` refreshes one section); each section says when it was measured."
  echo
  for name in "${all[@]}"; do
    if [ -s "$sections/$name" ]; then cat "$sections/$name"; echo; fi
  done
} >docs/benchmarks.md.new
mv docs/benchmarks.md.new docs/benchmarks.md
rm -rf "$sections"
echo "Wrote docs/benchmarks.md" >&2
