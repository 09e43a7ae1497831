#!/usr/bin/env bash
# The customers benchmarks on a generated workspace of 1,000,000 people and 100,000
# companies, on SQLite and then on PostgreSQL 15, over loopback:
#   (a) GET /api/v1/people: a page of 50 filtered by city, sorted by last name (wrk, a
#       different city/direction/start on every request; p50/p99 and req/s at 1, 4, 16 connections)
#   (b) GET /api/v1/search?q=: a different query on every request (same connections)
#   (c) a three-condition dynamic segment's count (GET /api/v1/segments/{id}/count, 7 runs:
#       median and max)
#   (d) the server's resident memory after the load (VmRSS, and its peak VmHWM)
#   (f) the full duplicate scan of people (POST /api/v1/duplicates/scan) on an emptied review
#       queue, then again (a rescan writes only what changed), and the memory it took
#   (e) the web UI's people list in headless Chromium (web/e2e/bench-people-list.mjs): time
#       to the first rows, and no blank rows after scrolling deep
# then a summary table: target, SQLite, PostgreSQL, the factor between them, PASS/MISS.
# The latency targets are judged at 4 connections.
#
# Usage: bench/customers_1m.sh [seconds per wrk run, default 10]
# Env:   RAPPORT_BENCH_CACHE   where the generated workspaces are kept and reused
#                              (default /var/tmp/rapport-bench; the PostgreSQL cluster lives
#                              there too, so the postgres user must be able to reach it)
#        RAPPORT_BENCH_PEOPLE / RAPPORT_BENCH_COMPANIES   sizes (default 1000000 / 100000)
#        RAPPORT_BENCH_BACKENDS  "sqlite postgres" (default), or one of them
#        RAPPORT_BENCH_WEB=false skips the browser measurement
#        RAPPORT_BENCH_DUPLICATES=false skips the duplicate scans (f)
#        RAPPORT_BENCH_BINARY=PATH  measure that binary instead of building build/rapport
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CACHE=${RAPPORT_BENCH_CACHE:-/var/tmp/rapport-bench}
PEOPLE=${RAPPORT_BENCH_PEOPLE:-1000000}
COMPANIES=${RAPPORT_BENCH_COMPANIES:-100000}
BACKENDS=${RAPPORT_BENCH_BACKENDS:-sqlite postgres}
WEB=${RAPPORT_BENCH_WEB:-true}
DUPLICATES=${RAPPORT_BENCH_DUPLICATES:-true}
OWNER_EMAIL=bench@rapport.test
OWNER_PASSWORD='bench password 1'
CONNECTION_COUNTS=(1 4 16)
VERDICT_CONNECTIONS=4
SIZE_TAG="${PEOPLE}p-${COMPANIES}c"

command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
# RAPPORT_BENCH_BINARY: measure that binary instead of building build/rapport (e.g. a copy
# of an earlier build, to compare before and after a change in the same conditions).
RAPPORT=${RAPPORT_BENCH_BINARY:-build/rapport}
if [[ -z "${RAPPORT_BENCH_BINARY:-}" ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi
if [[ $WEB == true ]]; then
  (cd web && { [[ -d node_modules ]] || npm ci --no-audit --no-fund >/dev/null; } && npm run build >/dev/null)
fi
mkdir -p "$CACHE"
chmod 755 "$CACHE"

TMP=$(mktemp -d /tmp/rapport-bench-1m.XXXXXX)
cleanup() {
  [[ -n "${RAPPORT_PID:-}" ]] && kill "$RAPPORT_PID" 2>/dev/null || true
  [[ -n "${PG_STARTED:-}" ]] && scripts/pg-test-cluster.sh stop "$CACHE/pg" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

load() { cut -d' ' -f1 /proc/loadavg; }
# CPU time used so far by the server process, in milliseconds (user + system).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$RAPPORT_PID/stat"; }

# Latency text from wrk ("812.00us", "1.23ms", "1.02s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "nan" }'
}

declare -A R  # results: R[backend.key]=value

# Generates the workspace unless the cache has it; prints the database URL.
prepare_database() {
  local backend=$1 url marker
  if [[ $backend == sqlite ]]; then
    mkdir -p "$CACHE/sqlite-$SIZE_TAG"
    url="sqlite:$CACHE/sqlite-$SIZE_TAG/rapport.db"
    marker="$CACHE/sqlite-$SIZE_TAG/complete"
    if [[ ! -f $marker ]]; then
      rm -f "$CACHE/sqlite-$SIZE_TAG"/rapport.db*
      generate "$url" "$CACHE/sqlite-$SIZE_TAG/bench-data.txt"
      touch "$marker"
    fi
  else
    local base
    base=$(scripts/pg-test-cluster.sh start "$CACHE/pg")
    marker="$CACHE/pg/bench-$SIZE_TAG.complete"
    local db="rapport_bench_${PEOPLE}_${COMPANIES}"
    if [[ ! -f $marker ]]; then
      url=$(scripts/pg-test-cluster.sh createdb "$CACHE/pg" "$db")
      generate "$url" "$TMP/pg-bench-data.txt"
      cp "$TMP/pg-bench-data.txt" "$CACHE/pg/bench-$SIZE_TAG.txt" 2>/dev/null || true
      echo "$url" >"$TMP/marker" && cp "$TMP/marker" "$marker"
    fi
    url="${base%/*}/$db"
  fi
  echo "$url"
}

generate() {  # generate <url> <report file>
  echo "generating $PEOPLE people and $COMPANIES companies into ${1%%:*} (load $(load)); this takes minutes" >&2
  "$RAPPORT" bench-data --people "$PEOPLE" --companies "$COMPANIES" --workspace bench --email "$OWNER_EMAIL" \
    --password "$OWNER_PASSWORD" --database "$1" --log-level warn | tee "$2" >&2
}

wrk_run() {  # wrk_run <backend> <key> <connections> <lua script>
  local backend=$1 key=$2 c=$3 script=$4 threads=2 out
  ((c < 2)) && threads=1
  local before cpu0
  before=$(load)
  cpu0=$(cpu_ms)
  out=$(wrk -t"$threads" -c"$c" -d"${DURATION}s" --timeout 10s --latency -s "$script" \
    -H "Authorization: Bearer $TOKEN" "$URL")
  local rps p50 p99 non2xx requests timeouts
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  # The server's own CPU per request: unlike latencies, hardly changed by other processes.
  local cpu
  cpu=$(awk -v a="$cpu0" -v b="$(cpu_ms)" -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.2f", (b - a) / n; else print "-" }')
  timeouts=$(awk '/Socket errors/ {print $NF}' <<<"$out")
  # wrk leaves requests that never answered (over 10 s) out of its latencies: then there is no p99.
  if [[ ${requests:-0} == 0 || ${timeouts:-0} != 0 ]]; then p99=">10000"; fi
  [[ ${requests:-0} == 0 ]] && p50=">10000"
  printf '  %-8s %-7s c=%-3s %8s req/s   p50 %7s ms   p99 %7s ms   server CPU %5s ms/req   non-2xx %-4s timeouts %-3s load %s -> %s\n' \
    "$backend" "$key" "$c" "$rps" "$p50" "$p99" "$cpu" "${non2xx:-0}" "${timeouts:-0}" "$before" "$(load)"
  R[$backend.$key.$c.cpu]=$cpu
  R[$backend.$key.$c.rps]=$rps
  R[$backend.$key.$c.p50]=$p50
  R[$backend.$key.$c.p99]=$p99
  R[$backend.$key.$c.non2xx]=${non2xx:-0}
  R[$backend.$key.$c.load]=$before
}

api() {  # api <method> <path> [json body]
  if [[ $# -ge 3 ]]; then
    curl -sf -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data "$3" "$URL$2"
  else
    curl -sf -X "$1" -H "Authorization: Bearer $TOKEN" "$URL$2"
  fi
}

measure() {
  local backend=$1 db
  db=$(prepare_database "$backend")
  [[ $backend == postgres ]] && PG_STARTED=1
  TOKEN=$("$RAPPORT" admin create-api-key --workspace bench --name "bench $(date +%s)" --role admin \
    --database "$db" --log-level warn | tail -1)
  : >"$TMP/serve.out"
  "$RAPPORT" serve --listen 127.0.0.1:0 --database "$db" --demo=false --access-log=false --log-level warn \
    --web-root web/dist >"$TMP/serve.out" 2>"$TMP/serve.err" &
  RAPPORT_PID=$!
  for _ in $(seq 1 600); do grep -q "listening" "$TMP/serve.out" 2>/dev/null && break; sleep 0.1; done
  URL=$(grep -oE "http://127.0.0.1:[0-9]+" "$TMP/serve.out" | head -1)
  [[ -n $URL ]] || { cat "$TMP/serve.err" >&2; exit 1; }
  R[$backend.rss_idle]=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$RAPPORT_PID/status")
  echo "$backend: $(api GET '/api/v1/people/count' | tr -d '\n') people; server pid $RAPPORT_PID, idle RSS ${R[$backend.rss_idle]} MiB"

  # A short warm-up of each workload (not reported): the first touch of the database pages.
  wrk -t2 -c4 -d3s -s bench/lua/people_by_city.lua -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
  wrk -t2 -c4 -d3s -s bench/lua/search.lua -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
  for c in "${CONNECTION_COUNTS[@]}"; do wrk_run "$backend" list "$c" bench/lua/people_by_city.lua; done
  for c in "${CONNECTION_COUNTS[@]}"; do wrk_run "$backend" search "$c" bench/lua/search.lua; done

  # (c) Italian newsletter subscribers added in the last two years: a dynamic segment of three conditions.
  local filter='{"and":[{"field":"country","op":"eq","value":"IT"},{"field":"tags","op":"has_tag","value":"newsletter"},{"field":"created_at","op":"gte","value":{"relative":"-730d"}}]}'
  local segment
  segment=$(api POST /api/v1/segments "{\"name\":\"Bench IT newsletter $(date +%s%N)\",\"kind\":\"mixed\",\"entity_type\":\"person\",\"type\":\"dynamic\",\"filter\":$filter}" |
    grep -oE '"id":"[0-9]+"' | head -1 | grep -oE '[0-9]+')
  local times=() count=""
  local before cpu0
  before=$(load)
  cpu0=$(cpu_ms)
  for _ in 1 2 3 4 5 6 7; do
    local out
    out=$(curl -sf -w ' %{time_total}' -H "Authorization: Bearer $TOKEN" "$URL/api/v1/segments/$segment/count")
    count=$(sed -E 's/.*"count":([0-9]+).*/\1/' <<<"${out% *}")
    times+=("$(awk -v t="${out##* }" 'BEGIN {printf "%.1f", t * 1000}')")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  R[$backend.segment.median]=$(sed -n 4p <<<"$sorted")
  R[$backend.segment.max]=$(tail -1 <<<"$sorted")
  R[$backend.segment.load]=$before
  R[$backend.segment.cpu]=$(awk -v a="$cpu0" -v b="$(cpu_ms)" 'BEGIN { printf "%.0f", (b - a) / 7 }')
  # Gone again, so the next start's daily snapshots do not count it while the next run measures.
  api DELETE "/api/v1/segments/$segment" >/dev/null || true
  echo "  $backend segment count ($count people): runs ${times[*]} ms; median ${R[$backend.segment.median]} ms, max ${R[$backend.segment.max]} ms; server CPU ${R[$backend.segment.cpu]} ms per count; load $before -> $(load)"

  # (e) the web UI's people list
  if [[ $WEB == true ]]; then
    local web_out
    before=$(load)
    if web_out=$(RAPPORT_E2E_URL=$URL RAPPORT_E2E_EMAIL=$OWNER_EMAIL RAPPORT_E2E_PASSWORD=$OWNER_PASSWORD \
      node web/e2e/bench-people-list.mjs 2>&1); then :; fi
    sed 's/^/  web: /' <<<"$web_out"
    R[$backend.web.first]=$(awk '/^first rows visible after .*page load/ {print $5}' <<<"$web_out")
    R[$backend.web.blank]=$(awk '/^blank rows after scrolling:/ {print $5}' <<<"$web_out")
    R[$backend.web.load]=$before
  fi

  R[$backend.rss]=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$RAPPORT_PID/status")
  R[$backend.hwm]=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$RAPPORT_PID/status")
  echo "  $backend RSS after the load: ${R[$backend.rss]} MiB (peak ${R[$backend.hwm]} MiB)"

  if [[ $DUPLICATES == true ]]; then
    # (f) the full duplicate scan of people, twice: the first writes every pair it finds into
    # the review queue (emptied first, so every run measures the same work), the second finds
    # them again and writes only what changed. Measured last: its peak memory is its own.
    local empty="DELETE FROM duplicate_candidates WHERE entity_type = 'person'"
    if [[ $backend == sqlite ]]; then sqlite3 "${db#sqlite:}" "$empty"; else psql -q "$db" -c "$empty"; fi
    local scan
    for run in first again; do
      before=$(load)
      scan=$(api POST /api/v1/duplicates/scan '{"type":"person"}')
      R[$backend.dupscan.$run]=$(grep -oE '"elapsed_ms":[0-9]+' <<<"$scan" | grep -oE '[0-9]+')
      echo "  $backend duplicate scan ($run): $scan; load $before -> $(load)"
    done
    R[$backend.dupscan.hwm]=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$RAPPORT_PID/status")
    R[$backend.dupscan.rss]=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$RAPPORT_PID/status")
    echo "  $backend RSS after the scans: ${R[$backend.dupscan.rss]} MiB (peak ${R[$backend.dupscan.hwm]} MiB)"
  fi
  kill "$RAPPORT_PID"
  wait "$RAPPORT_PID" 2>/dev/null || true
  RAPPORT_PID=
}

echo "customers benchmarks: $PEOPLE people, $COMPANIES companies; wrk ${DURATION}s per run; $(nproc) cores shared by wrk, the server (and PostgreSQL)"
for backend in $BACKENDS; do measure "$backend"; done

# --- summary -------------------------------------------------------------------------------
verdict() {  # verdict <value> <limit>: PASS when value < limit
  awk -v v="$1" -v l="$2" 'BEGIN { if (v == "" || v == "nan") print "n/a"; else if (v ~ /^>/) print "MISS";
    else print (v + 0 < l + 0 ? "PASS" : "MISS") }'
}
factor() {  # PostgreSQL / SQLite
  awk -v s="$1" -v p="$2" 'BEGIN { if (s !~ /^[0-9.]+$/ || p !~ /^[0-9.]+$/ || s + 0 == 0) print "-";
    else printf "%.2fx", p / s }'
}
c=$VERDICT_CONNECTIONS
rows=(
  "list p99 (c=$c)|<10 ms|list.$c.p99|10"
  "search p99 (c=$c)|<20 ms|search.$c.p99|20"
  "segment count median|<200 ms|segment.median|200"
  "segment count max|<200 ms|segment.max|200"
  "RSS after load (MiB)|<200 MiB|rss|200"
  "duplicate scan (ms)|<60 s|dupscan.first|60000"
  "duplicate rescan (ms)|<60 s|dupscan.again|60000"
  "web: first rows (ms)|<1000 ms|web.first|1000"
  "web: blank rows|0|web.blank|1"
)
echo
echo "summary ($PEOPLE people, $COMPANIES companies; load average at each measurement above)"
echo "(PG/SQLite: PostgreSQL's figure divided by SQLite's; above 1 for a latency means PostgreSQL is slower)"
printf '%-24s %-10s %-16s %-16s %-8s\n' "figure" "target" "SQLite" "PostgreSQL" "PG/SQLite"
for row in "${rows[@]}"; do
  IFS='|' read -r label target key limit <<<"$row"
  s=${R[sqlite.$key]:-}
  p=${R[postgres.$key]:-}
  sv="-" pv="-"
  [[ -n $s ]] && sv="$s $(verdict "$s" "$limit")"
  [[ -n $p ]] && pv="$p $(verdict "$p" "$limit")"
  printf '%-24s %-10s %-16s %-16s %-8s\n' "$label" "$target" "$sv" "$pv" "$(factor "$s" "$p")"
done
for key in list search; do
  for cc in "${CONNECTION_COUNTS[@]}"; do
    printf '%-24s %-10s %-16s %-16s %-8s\n' "$key req/s (c=$cc)" "" "${R[sqlite.$key.$cc.rps]:--}" \
      "${R[postgres.$key.$cc.rps]:--}" "$(factor "${R[sqlite.$key.$cc.rps]:-}" "${R[postgres.$key.$cc.rps]:-}")"
    printf '%-24s %-10s %-16s %-16s %-8s\n' "$key p50/p99 ms (c=$cc)" "" \
      "${R[sqlite.$key.$cc.p50]:--}/${R[sqlite.$key.$cc.p99]:--}" \
      "${R[postgres.$key.$cc.p50]:--}/${R[postgres.$key.$cc.p99]:--}" ""
    printf '%-24s %-10s %-16s %-16s %-8s\n' "$key server CPU ms/req" "" "${R[sqlite.$key.$cc.cpu]:--}" \
      "${R[postgres.$key.$cc.cpu]:--} (+PG)" ""
  done
done
