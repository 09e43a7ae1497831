#!/usr/bin/env bash
# Runs the end-to-end test against a throwaway Rapport server with demo data:
#   web/scripts/e2e-with-server.sh [path/to/rapport]
# The binary: the argument, else $RAPPORT_BIN, else ../build/rapport.
# Builds nothing: run `npm ci && npm run build` in web/ first. Needs /usr/bin/chromium.
set -euo pipefail
web_dir="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:-${RAPPORT_BIN:-$web_dir/../build/rapport}}"
[[ -x "$binary" ]] || { echo "e2e-with-server: no server binary at $binary" >&2; exit 2; }
[[ -f "$web_dir/dist/index.html" ]] || { echo "e2e-with-server: build the web app first (npm run build)" >&2; exit 2; }

data_dir="$(mktemp -d /tmp/rapport-e2e-data.XXXXXX)"
port="${RAPPORT_E2E_PORT:-$(( 20000 + RANDOM % 20000 ))}"
log="$data_dir/server.log"
"$binary" serve --listen "127.0.0.1:$port" --data-dir "$data_dir" --web-root "$web_dir/dist" >"$log" 2>&1 &
server_pid=$!
cleanup() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e-with-server: the server exited; its log:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done

cd "$web_dir"
RAPPORT_E2E_URL="http://127.0.0.1:$port" node e2e/run.mjs
