#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: local, fast (no fsync), reachable only on 127.0.0.1.
#
#   scripts/pg-test-cluster.sh start DIR          create (first time) and start the cluster in DIR;
#                                                 prints its URL: postgres://rapport:rapport@127.0.0.1:PORT/rapport_test
#   scripts/pg-test-cluster.sh createdb DIR NAME  (re)creates an empty database NAME owned by rapport; prints its URL
#   scripts/pg-test-cluster.sh stop DIR           stops the cluster (safe to call when it is not running)
#
# Only the URL goes to stdout, so callers can write URL=$(scripts/pg-test-cluster.sh start DIR).
# Progress and errors go to stderr; the server log is DIR/postgres.log.
#
# PostgreSQL refuses to run as root, so when this script runs as root the server runs as the
# `postgres` system user (created by Debian's postgresql package, or here if missing). DIR must
# then be reachable by that user: a directory under /tmp works; one under /root does not.
# The data is disposable: fsync, synchronous_commit and full_page_writes are off, which loses
# data on an OS crash but not on a server crash, and makes the test suites several times faster.
set -euo pipefail

readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly FIRST_PORT=55432
readonly LAST_PORT=55631
readonly ROLE=rapport
readonly ROLE_PASSWORD=rapport
readonly MAIN_DB=rapport_test

die() {
    echo "pg-test-cluster: $*" >&2
    exit 1
}

usage() {
    cat >&2 <<'EOF'
usage: pg-test-cluster.sh start DIR
       pg-test-cluster.sh createdb DIR NAME
       pg-test-cluster.sh stop DIR
EOF
    exit 2
}

# Runs a command as the user that owns the cluster: `postgres` when we are root, else ourselves.
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

ensure_postgres_user() {
    [[ $EUID -eq 0 ]] || return 0
    if ! id -u postgres >/dev/null 2>&1; then
        echo "pg-test-cluster: creating system user postgres" >&2
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /bin/bash postgres
    fi
}

# True when something already accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
    local port=$1
    if ss -Htln "sport = :$port" 2>/dev/null | grep -q .; then
        return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

is_running() {
    local dir=$1
    [[ -f "$dir/data/PG_VERSION" ]] && as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

# psql as the superuser over TCP from 127.0.0.1 (trusted), whichever OS user runs this script.
admin_psql() {
    local port=$1
    shift
    PGOPTIONS="-c client_min_messages=warning" \
        "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

url_for() {
    local port=$1 db=$2
    echo "postgres://$ROLE:$ROLE_PASSWORD@127.0.0.1:$port/$db"
}

read_port() {
    local dir=$1
    [[ -f "$dir/port" ]] || die "no cluster in $dir (run: pg-test-cluster.sh start $dir)"
    cat "$dir/port"
}

wait_ready() {
    local dir=$1 port=$2
    for _ in $(seq 1 100); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres; then
            return 0
        fi
        sleep 0.1
    done
    die "server in $dir did not become ready on port $port; see $dir/postgres.log"
}

init_cluster() {
    local dir=$1
    echo "pg-test-cluster: initialising a cluster in $dir/data" >&2
    if ! as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --encoding=UTF8 --no-locale --no-sync \
        --auth-local=peer --auth-host=reject >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        die "initdb failed"
    fi
    # Trust over TCP from 127.0.0.1 only (the server listens nowhere else); the unix socket lives
    # in DIR, which only the cluster's owner can enter, and asks for peer authentication anyway.
    as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<'EOF'
# Written by scripts/pg-test-cluster.sh: a disposable test cluster.
local   all   all                  peer
host    all   all   127.0.0.1/32   trust
EOF
    as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF

# --- scripts/pg-test-cluster.sh: a disposable test cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
}

# Starts the server on the first free port, trying the previous port first so URLs stay stable.
start_server() {
    local dir=$1 port candidates=()
    if [[ -f "$dir/port" ]]; then
        candidates+=("$(cat "$dir/port")")
    fi
    for ((port = FIRST_PORT; port <= LAST_PORT; port++)); do
        candidates+=("$port")
    done
    for port in "${candidates[@]}"; do
        port_in_use "$port" && continue
        # Another cluster may grab the port between the check and the bind: then try the next.
        if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "-p $port" -w -t 60 start \
            >/dev/null 2>&1; then
            echo "$port" >"$dir/port.tmp"
            mv "$dir/port.tmp" "$dir/port"
            wait_ready "$dir" "$port"
            return 0
        fi
        if ! grep -q "could not bind\|could not create any TCP/IP sockets\|Address already in use" \
            "$dir/postgres.log" 2>/dev/null; then
            tail -n 20 "$dir/postgres.log" >&2 || true
            die "the server in $dir failed to start; see $dir/postgres.log"
        fi
        : >"$dir/postgres.log"
    done
    die "no free port between $FIRST_PORT and $LAST_PORT"
}

# The role may create databases (test suites make a fresh one per test) but is no superuser.
ensure_role_and_db() {
    local dir=$1 port=$2
    admin_psql "$port" >/dev/null <<EOF
SELECT 'CREATE ROLE $ROLE LOGIN PASSWORD ''$ROLE_PASSWORD'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE CREATEDB;
SELECT 'CREATE DATABASE $MAIN_DB OWNER $ROLE ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$MAIN_DB') \gexec
EOF
}

cmd_start() {
    local dir=$1
    [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL 15 is not installed ($PG_BIN/initdb is missing)"
    ensure_postgres_user
    mkdir -p "$dir"
    dir=$(realpath "$dir")
    # The socket path must fit in sockaddr_un (107 bytes).
    ((${#dir} <= 80)) || die "DIR is too long for a unix socket path: $dir (use a short path under /tmp)"
    if [[ $EUID -eq 0 ]]; then
        chown postgres:postgres "$dir"
    fi
    chmod 0700 "$dir"
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- test -w "$dir" -a -x "$dir" ||
            die "user postgres cannot use $dir (its parent directories must be searchable); use a directory under /tmp"
    fi
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        init_cluster "$dir"
    fi
    local port
    if is_running "$dir"; then
        port=$(read_port "$dir")
        wait_ready "$dir" "$port"
    else
        start_server "$dir"
        port=$(read_port "$dir")
    fi
    ensure_role_and_db "$dir" "$port"
    url_for "$port" "$MAIN_DB"
}

cmd_createdb() {
    local dir=$1 name=$2
    [[ $name =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "database name must match [a-z_][a-z0-9_]*: $name"
    [[ -d "$dir" ]] || die "no cluster in $dir"
    dir=$(realpath "$dir")
    is_running "$dir" || die "the cluster in $dir is not running (run: pg-test-cluster.sh start $dir)"
    local port
    port=$(read_port "$dir")
    # Dropped first so that every run starts from an empty database, even after an aborted one.
    admin_psql "$port" >/dev/null <<EOF
DROP DATABASE IF EXISTS $name WITH (FORCE);
CREATE DATABASE $name OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0;
EOF
    url_for "$port" "$name"
}

cmd_stop() {
    local dir=$1
    [[ -d "$dir" ]] || return 0
    dir=$(realpath "$dir")
    if is_running "$dir"; then
        as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
        echo "pg-test-cluster: stopped the cluster in $dir" >&2
    fi
}

main() {
    [[ $# -ge 2 ]] || usage
    local command=$1 dir=$2
    case "$command" in
        start) [[ $# -eq 2 ]] || usage; cmd_start "$dir" ;;
        createdb) [[ $# -eq 3 ]] || usage; cmd_createdb "$dir" "$3" ;;
        stop) [[ $# -eq 2 ]] || usage; cmd_stop "$dir" ;;
        *) usage ;;
    esac
}

main "$@"
