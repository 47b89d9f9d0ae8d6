#!/usr/bin/env bash
# Installs Debian's Chromium (if missing) for the browser tests and exports its path in
# SOURCING_CHROMIUM. Never downloads a browser build of its own: Playwright only drives it.
# Source it (scripts/test.sh does) or run it.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> Installerar Chromium (Debian-paket)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
SOURCING_CHROMIUM="$(command -v chromium)"
export SOURCING_CHROMIUM
# Playwright must never fetch its own browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
echo "==> Chromium: ${SOURCING_CHROMIUM} ($("${SOURCING_CHROMIUM}" --version 2>/dev/null || echo okänd version))"
