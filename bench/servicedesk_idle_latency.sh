#!/usr/bin/env bash
# How fast a message shows in an open inbox: rapport on SQLite reads a mailbox of the private
# test Dovecot with IDLE; with GET /api/v1/conversations/events open (as the web inbox keeps
# it), one message at a time is delivered into the maildir and the time until its
# `event: conversation` arrives is measured (bench/servicedesk/idle_latency.py), 20 times:
# each latency, p50 and max. Target (issue 15): within 2 s.
#
# Usage: bench/servicedesk_idle_latency.sh [repeats, default 20]
# Env:   RAPPORT_BENCH_BINARY=PATH  measure that binary instead of building build/rapport
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${1:-20}
RAPPORT=${RAPPORT_BENCH_BINARY:-build/rapport}
if [[ -z "${RAPPORT_BENCH_BINARY:-}" ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi
TMP=$(mktemp -d /tmp/rsl.XXXXXX)
chmod 755 "$TMP"
source bench/servicedesk/common.sh
cleanup() {
  stop_rapport
  stop_mail_servers
  rm -rf "$TMP"
}
trap cleanup EXIT

start_mail_servers
start_rapport "$(fresh_database sqlite idle)" "$TMP/data"
user="idle-$RANDOM@bench.test"
mailbox=$(create_mailbox "$user")
# The reader is connected and idle once its first (empty) pass is recorded.
for _ in $(seq 1 300); do
  checked=$(api GET "/api/v1/mailboxes/$mailbox" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["status"]["last_checked_at"] is not None)')
  [[ $checked == True ]] && break
  sleep 0.1
done
echo "rapport $URL, mailbox $mailbox ($user) with IDLE; load $(load)"
python3 bench/servicedesk/idle_latency.py "$URL" "$TOKEN" "$MAIL_DIR" "$user" "$REPEATS"
echo "load $(load)"
