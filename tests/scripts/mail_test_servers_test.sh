#!/usr/bin/env bash
# Regression test of scripts/mail-test-servers.sh: start prints the ports, a second start is a
# no-op with the same ports, both servers answer on 127.0.0.1 only, smtp-stop/smtp-start keep
# the SMTP port, deliver puts messages in the maildir, and stop leaves no process behind.
#   tests/scripts/mail_test_servers_test.sh SOURCE_DIR
set -euo pipefail
SRC=$(cd "${1:?usage: mail_test_servers_test.sh SOURCE_DIR}" && pwd)
SCRIPT="$SRC/scripts/mail-test-servers.sh"
TMP=$(mktemp -d /tmp/rapport-mts.XXXXXX)
chmod 755 "$TMP"
trap '"$SCRIPT" stop "$TMP/m" >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT
errors=0
check() {  # check <description> <command...>
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what" >&2; errors=$((errors + 1)); fi
}
open_port() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# True when every listening socket on PORT is bound to 127.0.0.1 (read from /proc: no iproute2 needed).
loopback_only() {
  /usr/bin/python3 - "$1" <<'PY'
import sys
port = int(sys.argv[1])
addresses = []
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    try:
        lines = open(table).read().splitlines()[1:]
    except OSError:
        continue
    for line in lines:
        fields = line.split()
        address, hex_port = fields[1].split(":")
        if fields[3] == "0A" and int(hex_port, 16) == port:
            addresses.append(address)
sys.exit(0 if addresses and all(a == "0100007F" for a in addresses) else 1)
PY
}
processes() {  # the SMTP server (its path) and Dovecot's master and children (their instance name)
  local instance
  instance=$(sed -n 's/^instance_name = //p' "$TMP/m/dovecot.conf")
  { pgrep -f -- "$TMP/m" || true; pgrep -f -- "dovecot-$instance/" || true; } | sort -u
}

first=$("$SCRIPT" start "$TMP/m" 2>/dev/null)
eval "$first"
check "start exports the IMAP, IMAPS, SMTP and SMTPS ports" \
  test -n "$RAPPORT_TEST_IMAP_PORT" -a -n "$RAPPORT_TEST_IMAPS_PORT" -a -n "$RAPPORT_TEST_SMTP_PORT" -a -n "$RAPPORT_TEST_SMTPS_PORT"
check "a second start is a no-op with the same ports" test "$("$SCRIPT" start "$TMP/m" 2>/dev/null)" = "$first"
for port in "$RAPPORT_TEST_IMAP_PORT" "$RAPPORT_TEST_IMAPS_PORT" "$RAPPORT_TEST_SMTP_PORT" "$RAPPORT_TEST_SMTPS_PORT"; do
  check "port $port answers on 127.0.0.1" open_port "$port"
  check "port $port listens on 127.0.0.1 only" loopback_only "$port"
done
check "the IMAP greeting is Dovecot's" bash -c \
  "exec 3<>/dev/tcp/127.0.0.1/$RAPPORT_TEST_IMAP_PORT; head -n 1 <&3 | grep -q 'Dovecot\|IMAP4rev1'"

"$SCRIPT" smtp-stop "$TMP/m"
check "smtp-stop closes the SMTP port" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$RAPPORT_TEST_SMTP_PORT) 2>/dev/null"
check "smtp-stop leaves Dovecot running" open_port "$RAPPORT_TEST_IMAPS_PORT"
"$SCRIPT" smtp-start "$TMP/m"
check "smtp-start opens the same SMTP port again" open_port "$RAPPORT_TEST_SMTP_PORT"

printf 'From: a@example.test\r\nSubject: one\r\n\r\nbody\r\n' >"$TMP/one.eml"
"$SCRIPT" deliver "$TMP/m" help@globex.test "$TMP/one.eml" "$TMP/one.eml"
check "deliver puts each file in the user's maildir" test "$(ls "$TMP/m/mail/globex.test/help/new" | wc -l)" -eq 2

check "Dovecot runs (its processes are found)" test -n "$(processes)"
"$SCRIPT" stop "$TMP/m"
check "stop leaves no process" test -z "$(processes)"
check "stop closes the IMAP port" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$RAPPORT_TEST_IMAPS_PORT) 2>/dev/null"
check "a second stop is fine" "$SCRIPT" stop "$TMP/m"

[[ $errors -eq 0 ]]
