#!/usr/bin/env bash
# CSV import of 1,000,000 people on SQLite: raw prepared-statement insert rate and the
# product's end-to-end import rate, in the same run, with PASS/MISS against the targets
# (>= 100,000 rows/s end to end, >= 50% of raw). See bench/README.md and bench/import_1m.cpp.
# Usage: bench/import_1m.sh [rows] [--stages]   (builds build/bench/import_1m when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
shift || true
if [[ ! -x build/bench/import_1m ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j"${RAPPORT_JOBS:-2}" --target import_1m
fi
echo "load before: $(uptime)"
build/bench/import_1m --rows "$ROWS" "$@" 2>&1 | grep -v "applied migration"
echo "load after:  $(uptime)"
