#!/usr/bin/env bash
# Runs every test: installs what is missing, checks format and layering, builds, starts a
# throwaway PostgreSQL 15 and a private Dovecot and SMTP server on 127.0.0.1, runs the unit, storage and API suites on SQLite
# and on PostgreSQL, the web UI's unit tests and its end-to-end tests in headless
# Chromium, each libFuzzer target for a bounded time (scripts/fuzz.sh), then the unit,
# storage and API suites again under ASan+UBSan.
# Ends with one line "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JOBS=${RAPPORT_JOBS:-2}
export CTEST_OUTPUT_ON_FAILURE=1
source scripts/lib/build-options.sh
source scripts/lib/ctest-tally.sh

scripts/install-deps.sh

echo "== format and layering"
scripts/check-format.sh
scripts/check-layers.sh
scripts/check-messages.sh

echo "== build"
# Every option is set: build/ may come from scripts/run.sh, which turns the tests off.
cmake -S . -B build "${RAPPORT_TEST_OPTIONS[@]}" >/dev/null
cmake --build build -j"$JOBS"

TMP=$(mktemp -d /tmp/rapport-test.XXXXXX)
chmod 755 "$TMP"
cleanup() {
  if [[ -n "${SERVER_PID:-}" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  scripts/pg-test-cluster.sh stop "$TMP/pg" >/dev/null 2>&1 || true
  scripts/mail-test-servers.sh stop "$TMP/mail" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "== PostgreSQL 15 (throwaway cluster on 127.0.0.1)"
PG_URL=$(scripts/pg-test-cluster.sh start "$TMP/pg")
export RAPPORT_TEST_POSTGRES_URL="$PG_URL"
echo "   $PG_URL"

echo "== Dovecot (IMAP) and aiosmtpd (SMTP) for the mail tests (private, on 127.0.0.1)"
MAIL_ENV=$(scripts/mail-test-servers.sh start "$TMP/mail")
eval "$MAIL_ENV"
echo "   IMAP $RAPPORT_TEST_IMAP_PORT (STARTTLS) $RAPPORT_TEST_IMAPS_PORT (TLS), SMTP $RAPPORT_TEST_SMTP_PORT $RAPPORT_TEST_SMTPS_PORT (TLS)"

PASSED=0
FAILED=0
check_test_binaries build "${RAPPORT_TEST_BINARIES[@]}"

echo "== unit, storage, command and script tests (storage on SQLite and PostgreSQL)"
run_ctest build '^(core|domain|http|mail|storage|app|scripts)$'
echo "== API tests against the real server on SQLite"
run_ctest build '^api$' RAPPORT_TEST_BACKEND=sqlite
echo "== API tests against the real server on PostgreSQL"
run_ctest build '^api$' RAPPORT_TEST_BACKEND=postgres

if [[ -f web/package.json ]]; then
  echo "== web UI: build, unit tests, language files"
  (cd web && npm run --silent build && npm run --silent check-i18n && npm run --silent check:api)
  set +e
  (cd web && npm run --silent test) 2>&1 | tee "$TMP/vitest.log"
  vitest_status=${PIPESTATUS[0]}
  set -e
  vp=$(grep -E "^\s*Tests\s+" "$TMP/vitest.log" | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+" | tail -1 || echo 0)
  vf=$(grep -E "^\s*Tests\s+" "$TMP/vitest.log" | grep -oE "[0-9]+ failed" | grep -oE "[0-9]+" | tail -1 || echo 0)
  PASSED=$((PASSED + ${vp:-0}))
  FAILED=$((FAILED + ${vf:-0}))
  if [[ $vitest_status -ne 0 && ${vf:-0} -eq 0 ]]; then FAILED=$((FAILED + 1)); fi

  echo "== web UI end-to-end in headless Chromium against a real server"
  mkdir -p test-output
  build/rapport serve --listen 127.0.0.1:0 --data-dir "$TMP/e2e-data" --web-root web/dist --threads 2 \
    --log-level warn >"$TMP/e2e-server.out" 2>"$TMP/e2e-server.err" &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    grep -q "rapport listening on" "$TMP/e2e-server.out" 2>/dev/null && break
    sleep 0.1
  done
  E2E_URL=$(grep -oE "http://127.0.0.1:[0-9]+" "$TMP/e2e-server.out" | head -1)
  set +e
  (cd web && RAPPORT_E2E_URL="$E2E_URL" RAPPORT_E2E_OUT="$ROOT/test-output/e2e" npm run --silent e2e) 2>&1 |
    tee "$TMP/e2e.log"
  e2e_status=${PIPESTATUS[0]}
  set -e
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  line=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$TMP/e2e.log" | tail -1 || true)
  if [[ -n "$line" ]]; then
    PASSED=$((PASSED + $(cut -d' ' -f1 <<<"$line")))
    FAILED=$((FAILED + $(cut -d' ' -f3 <<<"$line")))
  fi
  if [[ $e2e_status -ne 0 && -z "$line" ]]; then FAILED=$((FAILED + 1)); fi
fi

echo "== fuzzing: every libFuzzer target for a bounded time (scripts/fuzz.sh), one test each"
set +e
scripts/fuzz.sh 2>&1 | tee "$TMP/fuzz.log"
set -e
fp=$(grep -cE "^fuzz: [a-z_]+ passed" "$TMP/fuzz.log" || true)
ff=$(grep -cE "^fuzz: [a-z_]+ FAILED" "$TMP/fuzz.log" || true)
PASSED=$((PASSED + fp))
FAILED=$((FAILED + ff))
if [[ $((fp + ff)) -eq 0 ]]; then FAILED=$((FAILED + 1)); fi

echo "== ASan+UBSan build: unit, storage and API tests"
cmake -S . -B build-asan "${RAPPORT_ASAN_OPTIONS[@]}" >/dev/null
cmake --build build-asan -j"$JOBS"
check_test_binaries build-asan "${RAPPORT_TEST_BINARIES[@]}"
run_ctest build-asan '^(core|domain|http|mail|storage|api|app)$' RAPPORT_TEST_BACKEND=sqlite \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
