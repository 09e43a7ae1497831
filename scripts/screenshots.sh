#!/usr/bin/env bash
# Screenshots of each main screen in each language (English, Italian, Spanish, Portuguese), as
# the demo owner and as the demo partner user, gathered in one page for a reviewer:
#
#   scripts/screenshots.sh            → test-output/screenshots/index.html (kept out of git)
#
# Builds the server and the web app if they are missing (scripts/build.sh), starts a server on
# 127.0.0.1 with a fresh data directory (so the demo data is what a new user sees), runs
# web/e2e/screenshots.mjs in Debian's Chromium and stops the server. Env: RAPPORT_SHOT_LANGUAGES
# (e.g. "en,it"), RAPPORT_E2E_CHROMIUM.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if [[ ! -x build/rapport || ! -f web/dist/index.html ]]; then
  scripts/build.sh
fi

TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

build/rapport serve --listen 127.0.0.1:0 --data-dir "$TMP/data" --web-root web/dist --threads 2 \
  --log-level warn >"$TMP/server.out" 2>"$TMP/server.err" &
SERVER_PID=$!
for _ in $(seq 1 300); do
  grep -q "rapport listening on" "$TMP/server.out" 2>/dev/null && break
  sleep 0.1
done
URL=$(grep -oE "http://127.0.0.1:[0-9]+" "$TMP/server.out" | head -1 || true)
if [[ -z "$URL" ]]; then
  echo "screenshots: the server did not start:" >&2
  cat "$TMP/server.err" >&2
  exit 1
fi

rm -rf test-output/screenshots
(cd web && RAPPORT_E2E_URL="$URL" RAPPORT_E2E_OUT="$ROOT/test-output/screenshots" node e2e/screenshots.mjs)
