#!/usr/bin/env bash
# HTTP load benchmark over loopback (wrk from Debian), printing requests/s and p50/p99
# latency at 64 keep-alive connections for GET /healthz and an API-key-authenticated
# GET /api/v1/me, the same for nginx serving a small static file in the same run, and
# rapport's idle resident memory.
#
# Usage: bench/http_load.sh [seconds per run, default 10]
# Env:   RAPPORT_BENCH_ACCESS_LOG=true|false (default true: the server's default setting)
#        RAPPORT_BENCH_BINARY=PATH  measure that binary instead of building build/rapport
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
ACCESS_LOG=${RAPPORT_BENCH_ACCESS_LOG:-true}
CONNECTIONS=64
WRK_THREADS=2

command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing: run scripts/install-deps.sh" >&2; exit 1; }
# RAPPORT_BENCH_BINARY: measure that binary instead of building build/rapport (e.g. a copy
# of an earlier build, to compare before and after a change in the same conditions).
RAPPORT=${RAPPORT_BENCH_BINARY:-build/rapport}
if [[ -z "${RAPPORT_BENCH_BINARY:-}" ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi

TMP=$(mktemp -d /tmp/rapport-bench.XXXXXX)
cleanup() {
  [[ -n "${RAPPORT_PID:-}" ]] && kill "$RAPPORT_PID" 2>/dev/null || true
  [[ -f "$TMP/nginx.pid" ]] && kill "$(cat "$TMP/nginx.pid")" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

DB="sqlite:$TMP/rapport.db"
"$RAPPORT" admin bootstrap --workspace bench --email bench@rapport.test --password 'bench password 1' \
  --database "$DB" --log-level warn >/dev/null
TOKEN=$("$RAPPORT" admin create-api-key --workspace bench --name load --role member --database "$DB" \
  --log-level warn | tail -1)

"$RAPPORT" serve --listen 127.0.0.1:0 --database "$DB" --demo=false --access-log="$ACCESS_LOG" \
  --log-level warn >"$TMP/serve.out" 2>"$TMP/serve.err" &
RAPPORT_PID=$!
for _ in $(seq 1 100); do grep -q "listening" "$TMP/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(grep -oE "http://127.0.0.1:[0-9]+" "$TMP/serve.out" | head -1)
sleep 1
IDLE_RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$RAPPORT_PID/status")

# nginx serving a small static file, two workers (one per core), no access log: its best case.
chmod 755 "$TMP"
mkdir -p "$TMP/www"
printf 'ok\n' >"$TMP/www/healthz"
NGINX_PORT=$((20000 + RANDOM % 20000))
cat >"$TMP/nginx.conf" <<NGINX
worker_processes 2;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$NGINX_PORT; root $TMP/www; }
}
NGINX
nginx -c "$TMP/nginx.conf" -p "$TMP"
sleep 0.5

run() {  # run <label> <url> [wrk args...]
  local label=$1 url=$2
  shift 2
  local out
  out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-34s %12s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps" >"$TMP/last_rps"
}

echo "rapport http load: $CONNECTIONS keep-alive connections, wrk -t$WRK_THREADS, ${DURATION}s per run, access log $ACCESS_LOG"
echo "machine: $(nproc) cores; wrk and the servers share them"
run "rapport GET /healthz" "$URL/healthz"
HEALTHZ_RPS=$(cat "$TMP/last_rps")
run "rapport GET /api/v1/me (API key)" "$URL/api/v1/me" -H "Authorization: Bearer $TOKEN"
run "nginx GET /healthz (static file)" "http://127.0.0.1:$NGINX_PORT/healthz"
NGINX_RPS=$(cat "$TMP/last_rps")
awk -v r="$HEALTHZ_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "rapport /healthz vs nginx static file: %.0f%%\n", 100 * r / n }'
echo "rapport idle RSS: $((IDLE_RSS_KB / 1024)) MiB ($IDLE_RSS_KB kB)"
echo "rapport RSS after load: $(( $(awk '/VmRSS/ {print $2}' "/proc/$RAPPORT_PID/status") / 1024 )) MiB"
