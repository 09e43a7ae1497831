# Shared by bench/servicedesk_*.sh (sourced): the test mail servers, a rapport server on a fresh
# database with a workspace, an API key and a mailbox, and small helpers. Needs: RAPPORT (the
# binary), TMP (a private temporary directory, short: Dovecot's socket paths must fit).

load() { cut -d' ' -f1 /proc/loadavg; }
now_s() { date +%s.%N; }

# Starts the private Dovecot + aiosmtpd in $TMP/mail; sets MAIL_DIR and the RAPPORT_TEST_* ports.
start_mail_servers() {
  MAIL_DIR=$TMP/mail
  eval "$(scripts/mail-test-servers.sh start "$MAIL_DIR")"
}
stop_mail_servers() { [[ -n "${MAIL_DIR:-}" ]] && scripts/mail-test-servers.sh stop "$MAIL_DIR" >/dev/null 2>&1 || true; }

# A database URL for the backend: a fresh SQLite file, or a fresh database on the throwaway
# PostgreSQL 15 cluster of scripts/pg-test-cluster.sh in $PG_DIR (started here once).
fresh_database() {  # fresh_database <backend> <name>
  local backend=$1 name=$2
  if [[ $backend == sqlite ]]; then
    mkdir -p "$TMP/$name"
    echo "sqlite:$TMP/$name/rapport.db"
  else
    PG_DIR=${PG_DIR:-$TMP/pg}
    scripts/pg-test-cluster.sh start "$PG_DIR" >/dev/null
    scripts/pg-test-cluster.sh createdb "$PG_DIR" "$name"
  fi
}

# Starts `rapport serve` on the database with a workspace "bench" and an admin API key; sets
# RAPPORT_PID, URL (http://127.0.0.1:PORT) and TOKEN.
start_rapport() {  # start_rapport <database url> <data dir>
  local db=$1 data=$2
  mkdir -p "$data"
  "$RAPPORT" migrate --database "$db" --log-level warn >/dev/null
  "$RAPPORT" admin bootstrap --workspace bench --email bench@rapport.test --password 'bench password 1' \
    --database "$db" --log-level warn >/dev/null
  TOKEN=$("$RAPPORT" admin create-api-key --workspace bench --name bench --role admin --database "$db" \
    --log-level warn | tail -n 1)
  "$RAPPORT" serve --listen 127.0.0.1:0 --database "$db" --data-dir "$data" --demo false --log-level warn \
    >"$data/stdout" 2>"$data/stderr" &
  RAPPORT_PID=$!
  local _
  for _ in $(seq 1 200); do
    if grep -q "rapport listening on" "$data/stdout" 2>/dev/null; then break; fi
    sleep 0.05
  done
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$data/stdout" | head -n 1)
  [[ -n $URL ]] || { cat "$data/stderr" >&2; echo "rapport did not start" >&2; exit 1; }
}
stop_rapport() {
  [[ -n "${RAPPORT_PID:-}" ]] || return 0
  kill "$RAPPORT_PID" 2>/dev/null || true
  wait "$RAPPORT_PID" 2>/dev/null || true
  RAPPORT_PID=
}

api() {  # api <method> <path> [json body]
  if [[ $# -ge 3 ]]; then
    curl -sS -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$3" "$URL$2"
  else
    curl -sS -X "$1" -H "Authorization: Bearer $TOKEN" "$URL$2"
  fi
}

# Creates a mailbox on the test Dovecot for USER (IDLE on, certificate not verified); prints its id.
create_mailbox() {  # create_mailbox <user>
  local user=$1 body
  body=$(printf '{"name":"Bench","address":"%s","imap":{"host":"127.0.0.1","port":%s,"security":"tls","username":"%s","password":"secret","verify_certificate":false},"smtp":{"host":"127.0.0.1","port":%s,"security":"starttls","username":"%s","password":"secret","verify_certificate":false},"poll_seconds":10,"use_idle":true,"after_fetch":"mark_seen"}' \
    "$user" "$RAPPORT_TEST_IMAPS_PORT" "$user" "$RAPPORT_TEST_SMTP_PORT" "$user")
  api POST /api/v1/mailboxes "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

# The mailbox's last UID read (its progress, saved every 100 messages and at the end of a pass).
last_uid() { api GET "/api/v1/mailboxes/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"]["last_uid"])'; }

# CPU time used so far by the server (user + system), in milliseconds.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$RAPPORT_PID/stat"; }

# Peak and current resident memory of the server, in MiB.
vm_kib() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$RAPPORT_PID/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
