#!/usr/bin/env bash
# The inbox views at scale: a workspace with N generated conversations (default 1,000,000; SQL
# generator bench/servicedesk/inbox_data.sql, one inbound message each) on SQLite and then
# PostgreSQL 15; for each view (unanswered, unassigned, mine, waiting, breaching, open, resolved,
# all) and for /conversations/counts, the first page (50, as the web inbox asks) with wrk at 1 and
# 4 connections, signed in as an agent who has a third of the active conversations: p50, p99
# and requests/s. Target (issue 15): p99 < 20 ms for each view (judged at 1 connection).
#
# Usage: bench/servicedesk_inbox.sh [seconds per wrk run, default 5]
# Env:   RAPPORT_BENCH_CONVERSATIONS  N (default 1000000)
#        RAPPORT_BENCH_BACKENDS  "sqlite postgres" (default), or one of them
#        RAPPORT_BENCH_CACHE  where generated databases are kept (default /var/tmp/rapport-bench)
#        RAPPORT_BENCH_BINARY=PATH  measure that binary instead of building build/rapport
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-5}
N=${RAPPORT_BENCH_CONVERSATIONS:-1000000}
BACKENDS=${RAPPORT_BENCH_BACKENDS:-sqlite postgres}
CACHE=${RAPPORT_BENCH_CACHE:-/var/tmp/rapport-bench}
RAPPORT=${RAPPORT_BENCH_BINARY:-build/rapport}
VIEWS=(unanswered unassigned mine waiting breaching open resolved all counts)
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
if [[ -z "${RAPPORT_BENCH_BINARY:-}" ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi
mkdir -p "$CACHE"
chmod 755 "$CACHE"
TMP=$(mktemp -d /tmp/rsx.XXXXXX)
chmod 755 "$TMP"
source bench/servicedesk/common.sh
PG_DIR=$CACHE/pg
cleanup() {
  stop_rapport
  [[ -n "${PG_STARTED:-}" ]] && scripts/pg-test-cluster.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

sql_for() {  # sql_for <backend> <workspace id> <user id>: the generator's SQL
  local series
  if [[ $1 == sqlite ]]; then
    series="WITH RECURSIVE series(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM series WHERE i < $N)"
  else
    series="WITH series(i) AS (SELECT generate_series(1, $N)::BIGINT)"
  fi
  sed -e "s/^:SERIES$/$series/" -e "s/:WS/$2/g" -e "s/:USER/$3/g" -e "s/:NOW/$(date +%s%3N)/g" -e "s/:N /$N /g" \
    bench/servicedesk/inbox_data.sql | grep -v '^--'
}

query() {  # query <backend> <url> <sql>: one value
  if [[ $1 == sqlite ]]; then sqlite3 "${2#sqlite:}" "$3"; else psql -qtA "$2" -c "$3"; fi
}

prepare() {  # prepare <backend>: prints the database URL (generated once, kept in $CACHE)
  local backend=$1 url dir marker
  if [[ $backend == sqlite ]]; then
    dir=$CACHE/inbox-sqlite-$N
    mkdir -p "$dir"
    url="sqlite:$dir/rapport.db"
    marker=$dir/complete
  else
    local base
    base=$(scripts/pg-test-cluster.sh start "$PG_DIR")
    PG_STARTED=1
    url="${base%/*}/rapport_inbox_$N"
    marker=$PG_DIR/inbox-$N.complete
  fi
  if [[ ! -f $marker ]]; then
    [[ $backend == sqlite ]] && rm -f "$dir"/rapport.db*
    [[ $backend == postgres ]] && url=$(scripts/pg-test-cluster.sh createdb "$PG_DIR" "rapport_inbox_$N")
    "$RAPPORT" admin bootstrap --workspace bench --email bench@rapport.test --password 'bench password 1' \
      --database "$url" --log-level warn >/dev/null
    local ws user t0
    ws=$(query "$backend" "$url" "SELECT workspace_id FROM workspaces WHERE slug = 'bench'")
    user=$(query "$backend" "$url" "SELECT user_id FROM users WHERE workspace_id = $ws LIMIT 1")
    echo "generating $N conversations into $backend (load $(load))" >&2
    t0=$(now_s)
    if [[ $backend == sqlite ]]; then
      { echo "PRAGMA journal_mode=WAL; BEGIN;"; sql_for sqlite "$ws" "$user" | sed 's/^ANALYZE conversations;$/COMMIT; ANALYZE conversations;/'; } |
        sqlite3 "${url#sqlite:}" >/dev/null
    else
      sql_for postgres "$ws" "$user" | psql -q -v ON_ERROR_STOP=1 "$url" >/dev/null
    fi
    echo "  generated in $(awk -v a="$t0" -v b="$(now_s)" 'BEGIN { printf "%.0f", b - a }') s" >&2
    touch "$marker"
  fi
  echo "$url"
}

declare -A P50 P99 RPS
for backend in $BACKENDS; do
  db=$(prepare "$backend")
  mkdir -p "$TMP/data-$backend"
  "$RAPPORT" serve --listen 127.0.0.1:0 --database "$db" --data-dir "$TMP/data-$backend" --demo false \
    --log-level warn --access-log false >"$TMP/data-$backend/stdout" 2>"$TMP/data-$backend/stderr" &
  RAPPORT_PID=$!
  for _ in $(seq 1 600); do grep -q "rapport listening on" "$TMP/data-$backend/stdout" 2>/dev/null && break; sleep 0.1; done
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$TMP/data-$backend/stdout" | head -n 1)
  cookie=$(curl -sS -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"email":"bench@rapport.test","password":"bench password 1"}' "$URL/api/v1/auth/login" |
    awk 'tolower($1) == "set-cookie:" { sub(/;.*/, "", $2); print $2 }' | tr -d '\r')
  echo "== $backend: $N conversations, rapport $URL (load $(load))"
  for view in "${VIEWS[@]}"; do
    path="/api/v1/conversations?view=$view&limit=50"
    [[ $view == counts ]] && path=/api/v1/conversations/counts
    items=$(curl -sS -H "Cookie: $cookie" "$URL$path" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(len(d["items"]) if "items" in d else d)')
    for c in 1 4; do
      t=1
      ((c > 1)) && t=2
      out=$(wrk -t"$t" -c"$c" -d"${DURATION}s" --latency -H "Cookie: $cookie" "$URL$path")
      p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
      p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
      rps=$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' <<<"$out")
      non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out")
      P50[$backend.$view.$c]=$p50 P99[$backend.$view.$c]=$p99 RPS[$backend.$view.$c]=$rps
      echo "   $view (c=$c): p50 $p50, p99 $p99, $rps req/s${non2xx:+, NON-2XX $non2xx}; first page: $items"
    done
  done
  echo "   server VmHWM $(mib "$(vm_kib VmHWM)") MiB; load $(load)"
  stop_rapport
done

echo
echo "| view | backend | p50 (1 conn) | p99 (1 conn) | req/s (1) | p99 (4 conn) | req/s (4) |"
echo "|---|---|---|---|---|---|---|"
for view in "${VIEWS[@]}"; do
  for backend in $BACKENDS; do
    echo "| $view | $backend | ${P50[$backend.$view.1]} | ${P99[$backend.$view.1]} | ${RPS[$backend.$view.1]} |" \
      "${P99[$backend.$view.4]} | ${RPS[$backend.$view.4]} |"
  done
done
