#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs Rapport on the embedded default
# (SQLite in ./rapport-data, demo data on first start, http://127.0.0.1:8080).
# Extra arguments go to `rapport serve` (e.g. --listen 127.0.0.1:9090).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/lib/build-options.sh
scripts/build.sh "${RAPPORT_RUN_OPTIONS[@]}"
exec "${RAPPORT_BUILD_DIR:-build}/rapport" serve --web-root web/dist "$@"
