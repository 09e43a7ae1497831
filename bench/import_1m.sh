#!/usr/bin/env bash
# CSV import of 1,000,000 people on SQLite: raw prepared-statement insert rate and the
# product's end-to-end import rate, in the same run, with PASS/MISS against the targets
# (>= 100,000 rows/s end to end, >= 50% of raw). See bench/README.md and bench/import_1m.cpp.
# Usage: bench/import_1m.sh [rows] [--stages] [--skip-raw] [--no-schema-raw]
#        (builds build/bench/import_1m when missing)
# Env:   RAPPORT_BENCH_POSTGRES=1  the end-to-end import goes into a new, empty PostgreSQL 15
#        database instead (cluster in $RAPPORT_BENCH_CACHE/pg, default /var/tmp/rapport-bench,
#        started and stopped with scripts/pg-test-cluster.sh); the raw rates stay SQLite's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
shift || true
if [[ ! -x build/bench/import_1m ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j"${RAPPORT_JOBS:-2}" --target import_1m
fi
ARGS=("$@")
if [[ ${RAPPORT_BENCH_POSTGRES:-} == 1 ]]; then
  CACHE=${RAPPORT_BENCH_CACHE:-/var/tmp/rapport-bench}
  mkdir -p "$CACHE" && chmod 755 "$CACHE"
  scripts/pg-test-cluster.sh start "$CACHE/pg" >/dev/null
  trap 'scripts/pg-test-cluster.sh stop "$CACHE/pg" >/dev/null 2>&1 || true' EXIT
  ARGS+=(--database "$(scripts/pg-test-cluster.sh createdb "$CACHE/pg" rapport_import_bench)")
fi
echo "load before: $(uptime)"
build/bench/import_1m --rows "$ROWS" "${ARGS[@]}" 2>&1 | grep -v "applied migration"
echo "load after:  $(uptime)"
