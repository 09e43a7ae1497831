#!/usr/bin/env bash
# The mail transport's figures: delivers N messages (default 10,000; ~3 KB each) into a fresh
# mailbox of a private Dovecot (scripts/mail-test-servers.sh), then runs
# build/bench/mail_transport_bench: login, search, fetch and mark rates over IMAPS, and the
# IDLE wake-up latency. Builds the benchmark first (build/ with RAPPORT_BUILD_BENCH=ON).
#   bench/mail_transport.sh [messages]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
source scripts/lib/build-options.sh
cmake -S . -B build "${RAPPORT_TEST_OPTIONS[@]}" >/dev/null
cmake --build build -j2 --target mail_transport_bench >/dev/null
TMP=$(mktemp -d /tmp/rapport-mail-bench.XXXXXX)
chmod 755 "$TMP"
trap 'scripts/mail-test-servers.sh stop "$TMP/m" >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT
eval "$(scripts/mail-test-servers.sh start "$TMP/m" 2>/dev/null)"
mkdir -p "$TMP/msgs"
/usr/bin/python3 - "$TMP/msgs" "$N" <<'PY'
import sys
out, n = sys.argv[1], int(sys.argv[2])
body = "".join("Line %d of a customer's message, long enough to look like real mail text.\r\n" % i for i in range(36))
for i in range(n):
    with open("%s/%06d.eml" % (out, i), "w", newline="") as f:
        f.write("From: Customer %d <c%d@example.test>\r\nTo: support@acme.test\r\nSubject: Order %d\r\n"
                "Message-ID: <bench-%d@example.test>\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n\r\n%s" % (i, i, i, i, body))
PY
start=$(date +%s%N)
find "$TMP/msgs" -name '*.eml' -print0 | sort -z | xargs -0 -n 2000 scripts/mail-test-servers.sh deliver "$TMP/m" bench@acme.test
echo "deliver (maildir): $N messages in $((($(date +%s%N) - start) / 1000000)) ms"
build/bench/mail_transport_bench 127.0.0.1 "$RAPPORT_TEST_IMAPS_PORT" "$RAPPORT_TEST_MAIL_CA" bench@acme.test secret 20
