#!/usr/bin/env bash
# Regression test of .ci/run: it must run the README's two commands in the README's order,
# scripts/run.sh first (until the server answers /healthz, serves the web UI's index page
# and accepts the demo login, then stopped), then scripts/test.sh.
#   tests/scripts/ci_run_test.sh SOURCE_DIR RAPPORT_BINARY
# Runs a copy of .ci/run in a throwaway tree whose scripts/run.sh starts the real binary
# (with a stand-in web UI) and whose scripts/test.sh only records that it ran: nothing is
# installed or built.
set -euo pipefail
SRC=$(cd "${1:?usage: ci_run_test.sh SOURCE_DIR RAPPORT_BINARY}" && pwd)
BINARY=$(realpath "${2:?usage: ci_run_test.sh SOURCE_DIR RAPPORT_BINARY}")
TMP=$(mktemp -d /tmp/rapport-ci-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

mkdir -p "$TMP/tree/.ci" "$TMP/tree/scripts" "$TMP/tree/web/dist"
cp "$SRC/.ci/run" "$TMP/tree/.ci/run"
printf '<!doctype html><title>Rapport</title><div id="root"></div>\n' >"$TMP/tree/web/dist/index.html"
cat >"$TMP/tree/scripts/run.sh" <<STUB
#!/usr/bin/env bash
echo "\$*" >"$TMP/run.args"
echo "\$\$" >"$TMP/server.pid"  # exec keeps the process id
exec "$BINARY" serve --web-root web/dist --threads 1 --access-log false "\$@"
STUB
cat >"$TMP/tree/scripts/test.sh" <<STUB
#!/usr/bin/env bash
# The server of step 1 must be gone before the tests start.
if kill -0 "\$(cat "$TMP/server.pid")" 2>/dev/null; then echo "server still running" >"$TMP/test.ran"; exit 3; fi
echo ok >"$TMP/test.ran"
STUB
chmod +x "$TMP/tree/scripts/"*.sh "$TMP/tree/.ci/run"

set +e
RAPPORT_CI_START_TIMEOUT_S=120 "$TMP/tree/.ci/run" >"$TMP/ci.log" 2>&1
status=$?
set -e
cat "$TMP/ci.log"
errors=0
[[ $status -eq 0 ]] || { echo "FAIL: .ci/run exited $status" >&2; errors=1; }
grep -q -- "--listen 127.0.0.1:" "$TMP/run.args" 2>/dev/null ||
  { echo "FAIL: scripts/run.sh did not get a --listen on 127.0.0.1" >&2; errors=1; }
grep -q -- "--data-dir " "$TMP/run.args" 2>/dev/null ||
  { echo "FAIL: scripts/run.sh did not get a temporary --data-dir" >&2; errors=1; }
grep -q "demo login answer" "$TMP/ci.log" ||
  { echo "FAIL: .ci/run did not check /healthz, the index page and the demo login" >&2; errors=1; }
[[ "$(cat "$TMP/test.ran" 2>/dev/null)" == ok ]] ||
  { echo "FAIL: scripts/test.sh did not run after the server stopped ($(cat "$TMP/test.ran" 2>/dev/null))" >&2; errors=1; }
((errors == 0)) && echo "all checks passed"
exit $errors
