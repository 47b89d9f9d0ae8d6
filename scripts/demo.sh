#!/usr/bin/env bash
# The demo on a fresh machine: PostgreSQL (installed if missing), the simulated vCenter and
# Azure on loopback, the web app with its Hangfire server, demo sources and accounts, a first
# scan; then it prints the URL and the sign-in accounts. Run again to restart; `stop` stops.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/.demo"
mkdir -p "$state"

stop_all() {
  for name in web simulators; do
    if [ -f "$state/$name.pid" ]; then
      pid=$(cat "$state/$name.pid")
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
      fi
      rm -f "$state/$name.pid"
    fi
  done
}

if [ "${1:-}" = "stop" ]; then
  stop_all
  echo "Demon är stoppad."
  exit 0
fi

stop_all

# shellcheck source=scripts/pg.sh
source scripts/pg.sh
if [ -x scripts/web-assets.sh ]; then bash scripts/web-assets.sh; fi

echo "==> Bygger (Release)"
dotnet build Sourcing.sln -c Release -nologo -v q >/dev/null

cli() { dotnet "$root/Collector/bin/Release/net10.0/sourcing.dll" "$@"; }
export DataProtection__KeysPath="$state/keys"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

echo "==> Databas: migreringar"
cli db migrate

VCENTER_PORT="${SOURCING_DEMO_VCENTER_PORT:-9443}"
AZURE_PORT="${SOURCING_DEMO_AZURE_PORT:-9444}"
WEB_PORT="${SOURCING_DEMO_WEB_PORT:-5080}"

echo "==> Startar simulerad vCenter 8.0 U3 (https://127.0.0.1:$VCENTER_PORT, VI/JSON) och Azure (https://127.0.0.1:$AZURE_PORT)"
rm -rf "$state/certs"; mkdir -p "$state/certs"
# The simulators' demo credentials; a real region sets its own variables in the service's environment.
export SOURCING_DEMO_VCENTER_PASSWORD="demo-vcenter-password" VCENTER_SIM_PASSWORD="demo-vcenter-password"
export SOURCING_DEMO_AZURE_SECRET="demo-azure-secret" AZURE_SIM_SECRET="demo-azure-secret"
# Sources may only name variables the operator allows (default prefix SOURCING_SECRET_); the demo's are SOURCING_DEMO_*.
export Sourcing__SecretVariables__Prefixes="SOURCING_SECRET_,SOURCING_DEMO_"
nohup dotnet "$root/Tests/bin/Release/net10.0/Sourcing.Tests.dll" simulate \
  --vcenter-port "$VCENTER_PORT" --vcenter-version 8.0.3 --azure-port "$AZURE_PORT" --vms 1500 --seed 42 --cert-dir "$state/certs" \
  >"$state/simulators.log" 2>&1 &
echo $! >"$state/simulators.pid"
for _ in $(seq 1 100); do [ -s "$state/certs/vcenter.thumbprint" ] && break; sleep 0.2; done
[ -s "$state/certs/vcenter.thumbprint" ] || { echo "Simulatorn startade inte; se $state/simulators.log" >&2; exit 1; }


echo "==> Registrerar källor"
cli source add vsphere --name "Demo vCenter" --url "https://127.0.0.1:$VCENTER_PORT" --user "administrator@vsphere.local" \
  --password-env SOURCING_DEMO_VCENTER_PASSWORD --thumbprint "$(cat "$state/certs/vcenter.thumbprint")" --replace
for _ in $(seq 1 50); do [ -s "$state/certs/azure.thumbprint" ] && break; sleep 0.2; done
if [ -s "$state/certs/azure.thumbprint" ]; then
  cli source add azure --name "Demo Azure" --tenant 00000000-0000-0000-0000-000000000001 \
    --client-id 00000000-0000-0000-0000-0000000000c1 --secret-env SOURCING_DEMO_AZURE_SECRET \
    --arm-endpoint "https://127.0.0.1:$AZURE_PORT" --authority "https://127.0.0.1:$AZURE_PORT" \
    --thumbprint "$(cat "$state/certs/azure.thumbprint")" --replace || echo "(Azure-källan kunde inte registreras)"
fi

echo "==> Startar webbappen (http://127.0.0.1:$WEB_PORT)"
nohup dotnet "$root/Web/bin/Release/net10.0/Sourcing.Web.dll" --urls "http://127.0.0.1:$WEB_PORT" --contentRoot "$root/Web" \
  >"$state/web.log" 2>&1 &
echo $! >"$state/web.pid"
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$WEB_PORT/health/live" >/dev/null 2>&1 && break; sleep 0.2; done

echo "==> Första skanningen"
cli scan "Demo vCenter" || true
if cli source list | grep -q "Demo Azure"; then cli scan "Demo Azure" || true; fi
cli inventory --format csv | awk -F, 'NR>1 {n[$2]++} END {printf "Inventariet: %d VM, %d värdar, %d molnresurser\n", n["vm"], n["host"], n["cloud"]}' 

echo "==> Demodata: systemregister, beslut, analys, modell, scenarier"
dotnet "$root/Tests/bin/Release/net10.0/Sourcing.Tests.dll" demo-data "$state/data"
cli import systems "$state/data/objektregister.csv" >/dev/null
cli map >/dev/null
cli decisions import "$state/data/beslut.csv"
# The demo region says it has 30 FTE in drift; the effort model is calibrated to that.
cli analyze --drift-fte 30 | head -1
cli train || true
cli scenario demo || true
# What the demo region's books say its IT operation costs besides staff (an invented, labelled figure):
# the forecast calibrates its cost pools to it (page Ekonomi).
cli costs set total 40000000 --year 2026 \
  --source "Demovärde (påhittat för demon): exempelregionens IT-driftkostnad exkl. personal, budget 2026" >/dev/null

accounts=$(cli user demo-accounts --force | grep -v '^#' | awk -F'\t' '{printf "  %-10s %-9s %s\n", $1, $2, $3}')

cat <<MSG

Sourcing kör: http://127.0.0.1:$WEB_PORT

Inloggning (ett konto per roll; lösenorden är nya för varje körning av demon):
  användare  roll      lösenord
$accounts
Loggar: $state/web.log, $state/simulators.log
Stoppa: scripts/demo.sh stop
MSG
