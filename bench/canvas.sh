#!/usr/bin/env bash
# The canvases' benchmark on a generated workspace: N people and N/10 companies (`rapport
# bench-data`), 5 timeline entries per person over the last year (SQL, spread over the six
# relationship types and untyped notes), and two dynamic segments: every person, and the
# people of one city. Then, for a 90-day period:
#   cold:  right after a server restart, one request each of GET /api/v1/canvas/crm and
#          GET /api/v1/canvas/segments/{id}/established for both segments;
#   warm:  20 more of each, p50 and max (the issue's targets: cold < 1 s, warm p99 < 100 ms
#          on 1,000,000 people / 5,000,000 entries).
# SQLite only for now (PostgreSQL: the same requests against `--database postgres://...`).
#
# Usage: bench/canvas.sh [people, default 100000]
# Env:   RAPPORT_BENCH_SKIP_BUILD=1 uses build/rapport as it is;
#        RAPPORT_BENCH_KEEP=DIR keeps (and reuses) the generated data directory there.
# Needs the sqlite3 command-line shell and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-100000}
COMPANIES=$((PEOPLE / 10))
ENTRIES_PER_PERSON=5
BIN=build/rapport
if [[ -z "${RAPPORT_BENCH_SKIP_BUILD:-}" ]]; then
  source scripts/lib/build-options.sh
  cmake -S . -B build "${RAPPORT_TEST_OPTIONS[@]}" >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi
TMP=$(mktemp -d /tmp/rapport-bench-canvas.XXXXXX)
DATA=${RAPPORT_BENCH_KEEP:-$TMP/data}
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap 'stop_server; rm -rf "$TMP"' EXIT

if [[ ! -f "$DATA/rapport.db" ]]; then
  echo "== generating $PEOPLE people, $COMPANIES companies (bench-data)"
  mkdir -p "$DATA"
  "$BIN" migrate --data-dir "$DATA" --log-level warn
  "$BIN" bench-data --data-dir "$DATA" --people "$PEOPLE" --companies "$COMPANIES" --workspace bench \
    --log-level warn 2>"$TMP/bench-data.log" | tail -1
  echo "== $((PEOPLE * ENTRIES_PER_PERSON)) timeline entries"
  sqlite3 "$DATA/rapport.db" <<SQL
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE ids (n INTEGER PRIMARY KEY, workspace_id INTEGER, person_id INTEGER, owner INTEGER);
INSERT INTO ids (workspace_id, person_id, owner) SELECT workspace_id, person_id, owner_user_id FROM people ORDER BY person_id;
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < $((PEOPLE * ENTRIES_PER_PERSON - 1)))
INSERT INTO interactions (workspace_id, interaction_id, kind, person_id, subject, channel, direction, relationship_type,
                          minutes_spent, occurred_at, created_by_user_id, created_at)
SELECT ids.workspace_id, 8000000000000000 + k.i,
       CASE k.i % 4 WHEN 0 THEN 'call' WHEN 1 THEN 'email' WHEN 2 THEN 'meeting' ELSE 'note' END,
       ids.person_id, 'bench', 'email', 'outbound',
       CASE k.i % 7 WHEN 0 THEN 'personal_assistance' WHEN 1 THEN 'dedicated_assistance' WHEN 2 THEN 'self_service'
                    WHEN 3 THEN 'automated' WHEN 4 THEN 'community' WHEN 5 THEN 'co_creation' ELSE NULL END,
       k.i % 30, CAST(strftime('%s', 'now') AS INTEGER) * 1000 - (k.i * 7919 % 365) * 86400000, ids.owner,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM k JOIN ids ON ids.n = (k.i % $PEOPLE) + 1;
ANALYZE;
SQL
fi
TOKEN=$("$BIN" admin create-api-key --data-dir "$DATA" --workspace bench --name "canvas $(date +%s)" --role owner \
  --log-level warn | tail -1)

start_server() {
  "$BIN" serve --data-dir "$DATA" --listen 127.0.0.1:0 --demo false --access-log false --log-level warn \
    >"$TMP/serve.out" 2>"$TMP/serve.err" &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 1 600); do
    URL=$(grep -oE "http://127\.0\.0\.1:[0-9]+" "$TMP/serve.out" 2>/dev/null | head -1 || true)
    [[ -n "$URL" ]] && return 0
    sleep 0.1
  done
  cat "$TMP/serve.err" >&2
  exit 1
}
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
seconds() { curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$URL$1"; }

start_server
CITY=$(sqlite3 "$DATA/rapport.db" "SELECT city FROM people WHERE city IS NOT NULL GROUP BY city ORDER BY COUNT(*) DESC LIMIT 1")
SEG_ALL=$(api -X POST "$URL/api/v1/segments" -d "{\"name\":\"All people $(date +%s%N)\",\"kind\":\"mixed\",\"entity_type\":\"person\",\"type\":\"dynamic\",\"filter\":{}}" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
SEG_CITY=$(api -X POST "$URL/api/v1/segments" -d "{\"name\":\"People of $CITY $(date +%s%N)\",\"kind\":\"b2c\",\"entity_type\":\"person\",\"type\":\"dynamic\",\"filter\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"$CITY\"}}" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
stop_server

NOW=$(($(date +%s) * 1000))
FROM=$((NOW - 90 * 86400000))
Q="from=$FROM&to=$NOW"
declare -A PATHS=(
  [crm]="/api/v1/canvas/crm?$Q"
  [segment_all]="/api/v1/canvas/segments/$SEG_ALL/established?$Q"
  [segment_city]="/api/v1/canvas/segments/$SEG_CITY/established?$Q"
)
echo "== $PEOPLE people, $((PEOPLE * ENTRIES_PER_PERSON)) timeline entries, 90-day period (SQLite)"
start_server
for name in crm segment_all segment_city; do
  printf '%-13s cold %7.3f s\n' "$name" "$(seconds "${PATHS[$name]}")"
done
for name in crm segment_all segment_city; do
  times=$(for _ in $(seq 1 20); do seconds "${PATHS[$name]}"; echo; done | sort -n)
  printf '%-13s warm p50 %7.3f s   max %7.3f s\n' "$name" "$(sed -n 10p <<<"$times")" "$(tail -1 <<<"$times")"
done
stop_server
