#!/usr/bin/env bash
# Builds the server (CMake, release flags, into build/) and the web UI (into web/dist).
# Usage: scripts/build.sh [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${RAPPORT_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$BUILD_DIR" -j"${RAPPORT_JOBS:-2}"
if [[ -f web/package.json ]]; then
  (cd web && npm run --silent build)
fi
