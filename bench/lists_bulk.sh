#!/usr/bin/env bash
# Bulk changes of a list (POST /api/v1/people/bulk, domain/customers/bulk_service.hpp) on a
# generated workspace of 10,000 people (bench-data), on SQLite: the time to tag every person
# (a selection, 5,000 per request, each one transaction), to remove the tag again, and to
# delete them all and undo it. Prints one line per step.
#
# Usage: bench/lists_bulk.sh [people, default 10000]
# Env:   RAPPORT_BENCH_SKIP_BUILD=1  use build/rapport as it is
#        RAPPORT_BENCH_BINARY=PATH   measure that binary (no build)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-10000}
BIN=${RAPPORT_BENCH_BINARY:-build/rapport}
if [[ -z "${RAPPORT_BENCH_SKIP_BUILD:-}" ]]; then
  source scripts/lib/build-options.sh
  cmake -S . -B build "${RAPPORT_TEST_OPTIONS[@]}" >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi
TMP=$(mktemp -d /tmp/rapport-bench-bulk.XXXXXX)
DATA=$TMP/data
SERVER_PID=""
trap '[[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$TMP"' EXIT

"$BIN" migrate --data-dir "$DATA" --log-level warn
"$BIN" bench-data --data-dir "$DATA" --people "$PEOPLE" --companies $((PEOPLE / 10)) --workspace bench \
  --email bench@rapport.test --password 'bench password 1' --log-level warn >/dev/null 2>&1
TOKEN=$("$BIN" admin create-api-key --data-dir "$DATA" --workspace bench --name bulk-bench --role owner \
  --log-level warn | tail -1)
"$BIN" serve --data-dir "$DATA" --listen 127.0.0.1:0 --demo false --access-log false --log-level info \
  >"$TMP/out" 2>"$TMP/err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 600); do
  URL=$(grep -oE "http://127\.0\.0\.1:[0-9]+" "$TMP/out" 2>/dev/null | head -1 || true)
  [[ -n "$URL" ]] && break
  sleep 0.1
done
[[ -n "$URL" ]] || { cat "$TMP/err" >&2; exit 1; }

post() {
  curl -sS -X POST "$URL/api/v1/people/bulk" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "$1"
}
# bulk <label> <action> <params JSON>: the whole workspace as a selection, request after request.
bulk() {
  local label=$1 action=$2 params=$3 after=null changed=0 requests=0 start answer
  start=$(date +%s.%N)
  while :; do
    answer=$(post "{\"action\":\"$action\",\"selection\":{},\"after\":$after,\"params\":$params}")
    requests=$((requests + 1))
    changed=$((changed + $(jq -r .changed <<<"$answer")))
    UNDO=$(jq -r .undo_id <<<"$answer")
    [[ $action == delete && $UNDO != null ]] && params="{\"undo_id\":\"$UNDO\"}"
    after=$(jq -c .next_after <<<"$answer")
    [[ $after == null ]] && break
  done
  printf '%-22s %6d records in %2d request(s): %6.2f s   (load %s)\n' "$label" "$changed" "$requests" \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}
bulk "add a tag" add_tag '{"tag":"bulk-bench"}'
bulk "add it again (no-op)" add_tag '{"tag":"bulk-bench"}'
bulk "remove the tag" remove_tag '{"tag":"bulk-bench"}'
bulk "delete" delete '{}'
start=$(date +%s.%N)
answer=$(post "{\"action\":\"restore\",\"params\":{\"undo_id\":\"$UNDO\"}}")
restored=$(jq -r .changed <<<"$answer")
while [[ $(jq -r .next_after <<<"$answer") != null ]]; do
  answer=$(post "{\"action\":\"restore\",\"params\":{\"undo_id\":\"$UNDO\"}}")
  restored=$((restored + $(jq -r .changed <<<"$answer")))
done
printf '%-22s %6d records: %6.2f s\n' "undo the delete" "$restored" "$(echo "$(date +%s.%N) - $start" | bc)"
