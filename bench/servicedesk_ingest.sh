#!/usr/bin/env bash
# Service-desk ingestion from a real IMAP server: N messages (default 10,000; a support-like mix,
# bench/servicedesk/make_mails.py) are delivered into a mailbox of the private test Dovecot
# (scripts/mail-test-servers.sh) before rapport starts; then a mailbox is created through the
# API and the clock runs until the mailbox's progress (last_uid) reaches N, every message stored
# and marked \Seen. Prints messages/s and the server's peak resident memory (VmHWM) while
# ingesting, on SQLite and then PostgreSQL 15 (the throwaway cluster of scripts/pg-test-cluster.sh).
#
# Usage: bench/servicedesk_ingest.sh [N]
# Env:   RAPPORT_BENCH_BACKENDS  "sqlite postgres" (default), or one of them
#        RAPPORT_BENCH_BINARY=PATH  measure that binary instead of building build/rapport
# Targets (issue 15): >= 500 messages/s on SQLite; RSS < 150 MB while ingesting.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BACKENDS=${RAPPORT_BENCH_BACKENDS:-sqlite postgres}
RAPPORT=${RAPPORT_BENCH_BINARY:-build/rapport}
if [[ -z "${RAPPORT_BENCH_BINARY:-}" ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j2 --target rapport >/dev/null
fi
TMP=$(mktemp -d /tmp/rsi.XXXXXX)
chmod 755 "$TMP"
source bench/servicedesk/common.sh
cleanup() {
  stop_rapport
  stop_mail_servers
  [[ -n "${PG_DIR:-}" ]] && scripts/pg-test-cluster.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

start_mail_servers
declare -A RATE PEAK SECS
for backend in $BACKENDS; do
  user="ingest-$backend-$RANDOM@bench.test"
  echo "== $backend: delivering $N messages to $user (load $(load))"
  python3 bench/servicedesk/make_mails.py "$TMP/mails-$backend" "$N" "$user" "$backend"
  find "$TMP/mails-$backend" -name '*.eml' | sort | xargs scripts/mail-test-servers.sh deliver "$MAIL_DIR" "$user"
  rm -rf "$TMP/mails-$backend"
  db=$(fresh_database "$backend" "ingest_$backend")
  start_rapport "$db" "$TMP/data-$backend"
  echo "   rapport $URL (pid $RAPPORT_PID), idle VmRSS $(mib "$(vm_kib VmRSS)") MiB"
  t0=$(now_s)
  cpu0=$(cpu_ms)
  mailbox=$(create_mailbox "$user")
  peak_rss=0
  while :; do
    rss=$(vm_kib VmRSS)
    ((rss > peak_rss)) && peak_rss=$rss
    uid=$(last_uid "$mailbox")
    [[ $uid -ge $N ]] && break
    sleep 0.2
  done
  t1=$(now_s)
  cpu1=$(cpu_ms)
  hwm=$(vm_kib VmHWM)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  RATE[$backend]=$(awk -v n="$N" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
  SECS[$backend]=$secs
  PEAK[$backend]=$(mib "$hwm")
  stored=$(api GET /api/v1/conversations/counts | python3 -c 'import json,sys; print(json.load(sys.stdin))')
  echo "   $N messages in $secs s: ${RATE[$backend]} messages/s; peak RSS (VmHWM) ${PEAK[$backend]} MiB" \
    "(sampled VmRSS max $(mib "$peak_rss") MiB);" \
    "server CPU $(awk -v a="$cpu0" -v b="$cpu1" -v n="$N" 'BEGIN { printf "%.1f ms per message", (b - a) / n }'); load $(load)"
  echo "   counts: $stored"
  stop_rapport
done

echo
echo "| backend | messages | seconds | messages/s | peak RSS | target |"
echo "|---|---|---|---|---|---|"
for backend in $BACKENDS; do
  verdict=""
  if [[ $backend == sqlite ]]; then
    verdict=$(awk -v r="${RATE[$backend]}" -v m="${PEAK[$backend]}" 'BEGIN {
      print (r >= 500 ? "PASS" : "MISS") " (>= 500/s), " (m < 150 ? "PASS" : "MISS") " (< 150 MB)" }')
  else
    verdict=$(awk -v m="${PEAK[$backend]}" 'BEGIN { print (m < 150 ? "PASS" : "MISS") " (< 150 MB)" }')
  fi
  echo "| $backend | $N | ${SECS[$backend]} | ${RATE[$backend]} | ${PEAK[$backend]} MiB | $verdict |"
done
