#!/usr/bin/env bash
# The canvases' benchmark on a generated workspace: N people and N/10 companies (`rapport
# bench-data`), 5 timeline entries per person over the last year (SQL, spread over the six
# relationship types and untyped notes), and two dynamic segments: every person, and the
# people of one city. Then, for a 90-day period:
#   cold:  right after a server restart, one request each of GET /api/v1/canvas/crm,
#          GET /api/v1/canvas/segments/{id}/established for both segments and
#          GET /api/v1/canvas/relationships (both segments get a plan, the workspace a cost model);
#   warm:  RAPPORT_BENCH_WARM (default 100) more of each while a writer creates people and
#          timeline entries through the API (and deletes every tenth entry it made), as fast
#          as one client can: p50, p99 and max per request, and the writes done meanwhile.
# The issue's targets: cold < 1 s, warm p99 < 100 ms on 1,000,000 people / 5,000,000 entries.
#
# Usage: bench/canvas.sh [people, default 100000]
# Env:   RAPPORT_BENCH_SKIP_BUILD=1 uses build/rapport as it is;
#        RAPPORT_BENCH_KEEP=DIR keeps (and reuses) the generated SQLite data directory there;
#        RAPPORT_BENCH_POSTGRES_URL=postgres://... runs on that PostgreSQL database instead
#          (scripts/pg-test-cluster.sh start DIR prints one; a database that already holds the
#          workspace "bench" is reused as it is);
#        RAPPORT_BENCH_WARM=N warm requests per canvas; RAPPORT_BENCH_WRITER=0 measures
#          without the writer.
# Needs curl, jq, and the sqlite3 shell (SQLite) or psql (PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-100000}
COMPANIES=$((PEOPLE / 10))
ENTRIES_PER_PERSON=5
ENTRIES=$((PEOPLE * ENTRIES_PER_PERSON))
WARM=${RAPPORT_BENCH_WARM:-100}
PG_URL=${RAPPORT_BENCH_POSTGRES_URL:-}
BIN=build/rapport
if [[ -z "${RAPPORT_BENCH_SKIP_BUILD:-}" ]]; then
  source scripts/lib/build-options.sh
  cmake -S . -B build "${RAPPORT_TEST_OPTIONS[@]}" >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi
TMP=$(mktemp -d /tmp/rapport-bench-canvas.XXXXXX)
DATA=${RAPPORT_BENCH_KEEP:-$TMP/data}
SERVER_PID=""
WRITER_PID=""
stop_writer() {
  if [[ -n "$WRITER_PID" ]]; then
    kill "$WRITER_PID" 2>/dev/null || true
    wait "$WRITER_PID" 2>/dev/null || true
    WRITER_PID=""
  fi
}
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap 'stop_writer; stop_server; rm -rf "$TMP"' EXIT

if [[ -n "$PG_URL" ]]; then
  ENGINE=PostgreSQL
  DB=(--database "$PG_URL")
  sql() { psql -X -q -v ON_ERROR_STOP=1 -At "$PG_URL"; }
  sql1() { psql -X -q -v ON_ERROR_STOP=1 -At "$PG_URL" -c "$1"; }
  "$BIN" "${DB[@]}" migrate --log-level warn
  FRESH=$([[ -z "$(sql1 "SELECT 1 FROM workspaces WHERE slug = 'bench'")" ]] && echo 1 || true)
else
  ENGINE=SQLite
  DB=(--data-dir "$DATA")
  sql() { sqlite3 "$DATA/rapport.db"; }
  sql1() { sqlite3 "$DATA/rapport.db" "$1"; }
  FRESH=$([[ ! -f "$DATA/rapport.db" ]] && echo 1 || true)
fi

if [[ -n "$FRESH" ]]; then
  echo "== generating $PEOPLE people, $COMPANIES companies (bench-data)"
  mkdir -p "$DATA"
  "$BIN" "${DB[@]}" migrate --log-level warn
  "$BIN" "${DB[@]}" bench-data --people "$PEOPLE" --companies "$COMPANIES" --workspace bench \
    --log-level warn 2>"$TMP/bench-data.log" | tail -1
  echo "== $ENTRIES timeline entries"
  # Entry k belongs to the ((k mod N) + 1)-th person by id, and is k * 7919 mod 365 days old.
  if [[ -n "$PG_URL" ]]; then
    sql <<SQL
CREATE TEMP TABLE ids AS SELECT row_number() OVER (ORDER BY person_id) AS n, workspace_id, person_id,
                                owner_user_id AS owner FROM people;
CREATE UNIQUE INDEX ON ids (n);
INSERT INTO interactions (workspace_id, interaction_id, kind, person_id, subject, channel, direction, relationship_type,
                          minutes_spent, occurred_at, created_by_user_id, created_at)
SELECT ids.workspace_id, 8000000000000000 + k.i,
       CASE k.i % 4 WHEN 0 THEN 'call' WHEN 1 THEN 'email' WHEN 2 THEN 'meeting' ELSE 'note' END,
       ids.person_id, 'bench', 'email', 'outbound',
       CASE k.i % 7 WHEN 0 THEN 'personal_assistance' WHEN 1 THEN 'dedicated_assistance' WHEN 2 THEN 'self_service'
                    WHEN 3 THEN 'automated' WHEN 4 THEN 'community' WHEN 5 THEN 'co_creation' ELSE NULL END,
       k.i % 30, (extract(epoch FROM now())::bigint * 1000) - (k.i * 7919 % 365) * 86400000, ids.owner,
       extract(epoch FROM now())::bigint * 1000
FROM generate_series(0::bigint, $((ENTRIES - 1))) AS k(i) JOIN ids ON ids.n = (k.i % $PEOPLE) + 1;
ANALYZE people; ANALYZE companies; ANALYZE interactions; ANALYZE canvas_customer_activity;
ANALYZE canvas_activity_hours; ANALYZE canvas_interaction_hours; ANALYZE canvas_created_hours;
SQL
  else
    sql <<SQL
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE ids (n INTEGER PRIMARY KEY, workspace_id INTEGER, person_id INTEGER, owner INTEGER);
INSERT INTO ids (workspace_id, person_id, owner) SELECT workspace_id, person_id, owner_user_id FROM people ORDER BY person_id;
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < $((ENTRIES - 1)))
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
else
  # A kept database made by an older binary: bring it to this one's schema (0038 fills the rollups).
  "$BIN" "${DB[@]}" migrate --log-level warn
fi
TOKEN=$("$BIN" "${DB[@]}" admin create-api-key --workspace bench --name "canvas $(date +%s)" --role owner \
  --log-level warn | tail -1)

start_server() {
  "$BIN" "${DB[@]}" serve --listen 127.0.0.1:0 --demo false --access-log false --log-level warn \
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
# The seconds a GET took; stops the benchmark when it did not answer 200.
seconds() {
  local out
  out=$(curl -s -o "$TMP/body" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$URL$1")
  if [[ "${out% *}" != 200 ]]; then
    echo "GET $1 answered ${out% *}: $(head -c 500 "$TMP/body")" >&2
    exit 1
  fi
  echo "${out#* }"
}
id_of() { sed -E 's/.*"id":"([0-9]+)".*/\1/'; }

# Creates people and timeline entries through the API until killed, deleting every tenth
# entry it made; counts its writes in $TMP/writes.
writer() {
  local n=0 person entry
  while true; do
    person=$(api -X POST "$URL/api/v1/people" -d "{\"fields\":{\"first_name\":\"W$n\",\"last_name\":\"Writer\",\"kind\":\"b2c_consumer\",\"city\":\"Writerville\"}}" | id_of)
    entry=$(api -X POST "$URL/api/v1/interactions" -d "{\"kind\":\"call\",\"person_id\":\"$person\",\"subject\":\"w\",\"relationship_type\":\"personal_assistance\",\"minutes_spent\":3,\"occurred_at\":$(($(date +%s) * 1000))}" | id_of)
    n=$((n + 2))
    if ((n % 20 == 0)); then
      api -X DELETE "$URL/api/v1/interactions/$entry" >/dev/null || true
      n=$((n + 1))
    fi
    echo "$n" >"$TMP/writes.new" && mv "$TMP/writes.new" "$TMP/writes"
  done
}

start_server
CITY=$(sql1 "SELECT city FROM people WHERE city IS NOT NULL GROUP BY city ORDER BY COUNT(*) DESC LIMIT 1")
CITY_SIZE=$(sql1 "SELECT COUNT(*) FROM people WHERE city = '$CITY'")
SEG_ALL=$(api -X POST "$URL/api/v1/segments" -d "{\"name\":\"All people $(date +%s%N)\",\"kind\":\"mixed\",\"entity_type\":\"person\",\"type\":\"dynamic\",\"filter\":{}}" | id_of)
SEG_CITY=$(api -X POST "$URL/api/v1/segments" -d "{\"name\":\"People of $CITY $(date +%s%N)\",\"kind\":\"b2c\",\"entity_type\":\"person\",\"type\":\"dynamic\",\"filter\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"$CITY\"}}" | id_of)
# A cost model and a plan per segment, so the Customer Relationships block (and the CRM
# canvas's strategies, processes and costs) join plans, measures and costs as in real use.
api -X PUT "$URL/api/v1/cost-model" -d '{"effective_from":"2020-01-01","currency":"EUR","role_rates":[{"role":"owner","cents_per_hour":6000},{"role":"member","cents_per_hour":4000}]}' >/dev/null || true
for seg in "$SEG_ALL" "$SEG_CITY"; do
  api -X PUT "$URL/api/v1/relationship-plans/$seg" -d '{"expected_version":0,"entries":[{"relationship_type":"dedicated_assistance","motivation":"retention","channels":["phone"],"targets":[{"metric":"owner_coverage_share","comparator":"at_least","value":100},{"metric":"contact_interval_days","comparator":"at_most","value":60}]},{"relationship_type":"self_service","motivation":"acquisition","channels":["web"]}]}' >/dev/null
done
stop_server

NOW=$(($(date +%s) * 1000))
FROM=$((NOW - 90 * 86400000))
Q="from=$FROM&to=$NOW"
declare -A PATHS=(
  [crm]="/api/v1/canvas/crm?$Q"
  [segment_all]="/api/v1/canvas/segments/$SEG_ALL/established?$Q"
  [segment_city]="/api/v1/canvas/segments/$SEG_CITY/established?$Q"
  [relationships]="/api/v1/canvas/relationships?$Q"
)
echo "== $PEOPLE people, $ENTRIES timeline entries, 90-day period ($ENGINE); city segment: $CITY ($CITY_SIZE people)"
start_server
for name in crm segment_all segment_city relationships; do
  printf '%-13s cold %7.3f s\n' "$name" "$(seconds "${PATHS[$name]}")"
done
if [[ "${RAPPORT_BENCH_WRITER:-1}" != 0 ]]; then
  echo 0 >"$TMP/writes"
  writer &
  WRITER_PID=$!
  sleep 1
fi
START=$SECONDS
for name in crm segment_all segment_city relationships; do
  times=$(for _ in $(seq 1 "$WARM"); do seconds "${PATHS[$name]}"; done | sort -n)
  p50=$(sed -n "$(((WARM + 1) / 2))p" <<<"$times")
  p99=$(sed -n "$(((WARM * 99 + 99) / 100))p" <<<"$times")
  printf '%-13s warm p50 %7.3f s   p99 %7.3f s   max %7.3f s   (%d requests)\n' "$name" "$p50" "$p99" \
    "$(tail -1 <<<"$times")" "$WARM"
done
if [[ -n "$WRITER_PID" ]]; then
  stop_writer
  echo "writer: $(cat "$TMP/writes") writes (people, entries, deletions) in $((SECONDS - START)) s"
fi
# After the writes, the rollups' figures (every person) must equal the records' (the same
# people through a filter, measured from the rows).
SEG_SCAN=$(api -X POST "$URL/api/v1/segments" -d "{\"name\":\"Everyone by filter $(date +%s%N)\",\"kind\":\"mixed\",\"entity_type\":\"person\",\"type\":\"dynamic\",\"filter\":{\"field\":\"last_name\",\"op\":\"is_not_empty\"}}" | id_of)
# Every figure but the links and those of the daily snapshots (the new segment has none yet).
values() {
  api "$URL/api/v1/canvas/segments/$1/established?$Q" | jq -S 'del(.segment, .trend) | del(.. | .link?) |
    del(.metrics.figures.size_at_start, .metrics.figures.size_at_end, .metrics.figures.lost_customers,
        .metrics.figures.retention_rate)'
}
ALL_VALUES=$(values "$SEG_ALL")
SCAN_VALUES=$(values "$SEG_SCAN")
# The segments go again: the CRM canvas counts every segment, so a kept workspace's next run
# must find only its own.
for segment in "$SEG_SCAN" "$SEG_ALL" "$SEG_CITY"; do
  api -X DELETE "$URL/api/v1/segments/$segment" >/dev/null || true
done
if [[ "$ALL_VALUES" == "$SCAN_VALUES" ]]; then
  echo "rollups: exact (every figure of every person equals the records' after the writes)"
else
  echo "rollups: DIFFER from the records after the writes" >&2
  diff <(echo "$ALL_VALUES") <(echo "$SCAN_VALUES") >&2 || true
  exit 1
fi
stop_server
