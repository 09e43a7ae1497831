#!/usr/bin/env bash
# Creates in a workspace grown from empty, with the planner statistics of the empty database
# ("before": `--maintain-statistics false`, as every server was before statistics were kept
# current) and after the server's maintenance refreshed them ("after": the default).
#
#   1. `rapport migrate` on an empty SQLite database (its statistics: those of an empty one,
#      kept aside in a table), then `rapport bench-data` grows one workspace to N people and
#      N/10 companies (records, history, provenance, affiliations, search indexes), and the
#      duplicate scan through the API fills the review queue (as the per-record checks of
#      creates and imports do);
#   2. before: the empty database's statistics put back (this binary's writer runs PRAGMA
#      optimize when it closes, which older ones did not), a server with
#      --maintain-statistics false; wrk POSTs new people (one client, then 8), each a create
#      with its duplicate check;
#   3. after: the same server restarted with the default settings, once its maintenance has
#      logged the refresh; the same two measurements.
# Prints one line per measurement (after 2 s of creates not counted): creates/s, p50 and p99
# latency, and the load average.
#
# Usage: bench/grown_workspace.sh [people, default 150000] [seconds per wrk run, default 10]
# Env:   RAPPORT_BENCH_SKIP_BUILD=1 uses build/rapport as it is.
# Needs the sqlite3 command-line shell (to put the empty database's statistics back).
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-150000}
DURATION=${2:-10}
COMPANIES=$((PEOPLE / 10))
OWNER_EMAIL=bench@rapport.test
OWNER_PASSWORD='bench password 1'
BIN=build/rapport

command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
if [[ -z "${RAPPORT_BENCH_SKIP_BUILD:-}" ]]; then
  source scripts/lib/build-options.sh
  cmake -S . -B build "${RAPPORT_TEST_OPTIONS[@]}" >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi

TMP=$(mktemp -d /tmp/rapport-bench-grown.XXXXXX)
DATA=$TMP/data
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap 'stop_server; rm -rf "$TMP"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }

echo "== growing a workspace from empty to $PEOPLE people and $COMPANIES companies (bench-data)"
"$BIN" migrate --data-dir "$DATA" --log-level warn
sqlite3 "$DATA/rapport.db" "CREATE TABLE bench_empty_stat1 AS SELECT * FROM sqlite_stat1"
start=$SECONDS
"$BIN" bench-data --data-dir "$DATA" --people "$PEOPLE" --companies "$COMPANIES" --workspace bench \
  --email "$OWNER_EMAIL" --password "$OWNER_PASSWORD" --log-level warn 2>"$TMP/bench-data.log" | tail -1
echo "   grown in $((SECONDS - start)) s"
TOKEN=$("$BIN" admin create-api-key --data-dir "$DATA" --workspace bench --name grown-bench --role owner \
  --log-level warn | tail -1)

# start_server <label> [serve options...]: waits for the listen line; sets URL.
start_server() {
  local label=$1
  shift
  "$BIN" serve --data-dir "$DATA" --listen 127.0.0.1:0 --demo false --access-log false --log-level info "$@" \
    >"$TMP/$label.out" 2>"$TMP/$label.err" &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 600); do
    URL=$(grep -oE "http://127\.0\.0\.1:[0-9]+" "$TMP/$label.out" 2>/dev/null | head -1 || true)
    [[ -n "$URL" ]] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$TMP/$label.err" >&2
  echo "the server did not start" >&2
  exit 1
}

# Two seconds of creates, not counted: the server's first requests read a cold page cache.
warm_up() {
  wrk -t1 -c1 -d2s -s bench/lua/create_person.lua -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
}

# measure <label> <connections>
measure() {
  local label=$1 connections=$2 threads=$(( $2 < 2 ? 1 : 2 ))
  local before_load out
  before_load=$(load)
  out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -s bench/lua/create_person.lua \
    -H "Authorization: Bearer $TOKEN" "$URL")
  local rate p50 p99
  rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-7s %d client(s): %8s creates/s   p50 %9s   p99 %9s   (load %s -> %s)\n' "$label" "$connections" \
    "$rate" "$p50" "$p99" "$before_load" "$(load)"
  if grep -q "Non-2xx" <<<"$out"; then grep "Non-2xx" <<<"$out"; fi
}

start_server scan --maintain-statistics false
start=$SECONDS
curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"type":"person"}' "$URL/api/v1/duplicates/scan" >"$TMP/scan.json"
echo "   duplicate scan: $(cat "$TMP/scan.json") in $((SECONDS - start)) s"
stop_server

echo "== before: the statistics of the empty database (--maintain-statistics false)"
sqlite3 "$DATA/rapport.db" "DELETE FROM sqlite_stat1; INSERT INTO sqlite_stat1 SELECT * FROM bench_empty_stat1"
start_server before --maintain-statistics false
warm_up
measure before 1
measure before 8
stop_server

echo "== after: the server's maintenance at start"
start_server after
for _ in $(seq 1 600); do
  grep -q "planner statistics gathered again" "$TMP/after.err" && break
  sleep 0.1
done
grep -o "planner statistics gathered again.*" "$TMP/after.err" | head -1 | cut -c1-160 || true
warm_up
measure after 1
measure after 8
stop_server
echo "machine: $(nproc) cores, shared; load average now $(load)"
