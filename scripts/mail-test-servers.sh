#!/usr/bin/env bash
# A private IMAP server (Dovecot) and SMTP server (python3-aiosmtpd) for the mail tests, on
# 127.0.0.1 only. Nothing of the system's own Dovecot (/etc/dovecot, its service) is used.
#
#   scripts/mail-test-servers.sh start DIR       create (first time) and start both servers in DIR;
#                                               prints shell lines to eval (the ports, see below)
#   scripts/mail-test-servers.sh stop DIR        stops both (safe when they are not running)
#   scripts/mail-test-servers.sh smtp-stop DIR   stops only the SMTP server (the retry tests)
#   scripts/mail-test-servers.sh smtp-start DIR  starts it again, on the same ports; on a DIR
#                                               of its own it starts a private SMTP server alone
#                                               (its ports in DIR/smtp.port), as the retry
#                                               tests do so that stopping it disturbs nobody
#   scripts/mail-test-servers.sh deliver DIR USER FILE...
#                                               delivers each FILE (a raw message) into USER's INBOX
#   scripts/mail-test-servers.sh env DIR         prints the shell lines of a running DIR again
#
# `start` and `env` print, for eval:
#   export RAPPORT_TEST_IMAP_HOST=127.0.0.1 RAPPORT_TEST_IMAP_PORT=… (STARTTLS) RAPPORT_TEST_IMAPS_PORT=…
#          RAPPORT_TEST_SMTP_PORT=… (STARTTLS offered) RAPPORT_TEST_SMTPS_PORT=… RAPPORT_TEST_MAIL_DIR=DIR
#          RAPPORT_TEST_MAIL_CA=DIR/cert.pem (the self-signed certificate, for ca_file)
# Users: every user@domain exists, with the password "secret" (e.g. support@acme.test,
# help@globex.test, or a fresh name per test for an empty mailbox); the SMTP server's AUTH
# takes the same. old@legacy.test's sessions offer neither IDLE nor MOVE nor UIDPLUS.
# Messages the SMTP server accepted land in DIR/smtp/messages/NNNNNN.eml (+ .envelope);
# recipients "reject…@" get 550 and "tempfail…@" get 451 (scripts/lib/test_smtp_server.py).
# Logs: DIR/dovecot.log and DIR/smtp.log.
#
# As root, Dovecot runs as root (its login processes as the `dovenull` user Debian's package
# creates, its mail processes as `mail`), so DIR must be searchable by those users: a directory
# under /tmp works, one under /root does not. As another user, everything runs as that user.
# Progress and errors go to stderr.
set -euo pipefail

readonly SCRIPTS=$(cd "$(dirname "$0")" && pwd)
readonly PYTHON=/usr/bin/python3  # Debian's, which has python3-aiosmtpd (not a pyenv shim)
readonly MAIL_USER=mail           # owns the maildirs (base-passwd's uid 8)
readonly PASSWORD=secret

die() {
    echo "mail-test-servers: $*" >&2
    exit 1
}

usage() {
    cat >&2 <<'EOF'
usage: mail-test-servers.sh start|stop|env|smtp-start|smtp-stop DIR
       mail-test-servers.sh deliver DIR USER FILE...
EOF
    exit 2
}

# A TCP port on 127.0.0.1 that nothing listens on now (the kernel's pick).
free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_alive() {
    local file=$1
    [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

# Who owns the maildirs: `mail` when we are root (Dovecot refuses root), else ourselves.
mail_owner() {
    if [[ $EUID -eq 0 ]]; then echo "$MAIL_USER"; else id -un; fi
}

login_user() {
    if id -u dovenull >/dev/null 2>&1; then echo dovenull; else echo nobody; fi
}

write_config() {
    local dir=$1 imap_port=$2 imaps_port=$3
    local internal_user=root
    [[ $EUID -eq 0 ]] || internal_user=$(id -un)
    cat >"$dir/dovecot.conf" <<EOF
# Written by scripts/mail-test-servers.sh: a private, disposable Dovecot for the tests.
instance_name = rapport-test-$(basename "$dir")-$$
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <$dir/cert.pem
ssl_key = <$dir/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $internal_user
default_internal_group = $(id -gn "$internal_user")
default_login_user = $(if [[ $EUID -eq 0 ]]; then login_user; else id -un; fi)
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:$dir/mail/%d/%n
# Disposable mail, like the test PostgreSQL's fsync = off: flag changes need not reach the disk.
mail_fsync = never
# Every user@domain exists and has the password "$PASSWORD", so each test takes a mailbox of its
# own just by naming a new user; any other password is refused.
passdb {
  driver = static
  args = password=$PASSWORD
}
# old@legacy.test stands for a server without IDLE, MOVE or UIDPLUS: its sessions announce only
# IMAP4rev1 (the fallback paths of src/mail are tested with it).
userdb {
  driver = passwd-file
  args = $dir/legacy-users
}
userdb {
  driver = static
  args = uid=$(mail_owner) gid=$(id -gn "$(mail_owner)") home=$dir/mail/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps_port
    ssl = yes
  }
}
$(if [[ $EUID -ne 0 ]]; then printf 'service anvil {\n  chroot =\n}\nservice imap-login {\n  chroot =\n}\n'; fi)
protocol imap {
  mail_max_userip_connections = 200
  imap_idle_notify_interval = 1 mins
}
EOF
}

# Creates DIR's files the first time: certificate, password, maildir root.
init_dir() {
    local dir=$1
    [[ -f "$dir/cert.pem" ]] || {
        echo "mail-test-servers: creating a self-signed certificate for 127.0.0.1 in $dir" >&2
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -keyout "$dir/key.pem" -out "$dir/cert.pem" \
            -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1 ||
            die "openssl could not make a certificate"
        chmod 0644 "$dir/cert.pem" "$dir/key.pem"
    }
    echo "$PASSWORD" >"$dir/password"
    local owner
    owner=$(mail_owner)
    echo "old@legacy.test::$(id -u "$owner"):$(id -g "$owner")::$dir/mail/legacy.test/old::userdb_imap_capability=IMAP4rev1" \
        >"$dir/legacy-users"
    mkdir -p "$dir/mail" "$dir/smtp/messages"
    if [[ $EUID -eq 0 ]]; then chown "$MAIL_USER:$MAIL_USER" "$dir/mail"; fi
}

start_dovecot() {
    local dir=$1
    if pid_alive "$dir/run/master.pid"; then return 0; fi
    local attempt imap_port imaps_port
    for attempt in 1 2 3 4 5; do
        if [[ -f "$dir/imap.port" && $attempt -eq 1 ]]; then
            read -r imap_port imaps_port <"$dir/imap.port"
        else
            imap_port=$(free_port)
            imaps_port=$(free_port)
            [[ $imap_port != "$imaps_port" ]] || continue
        fi
        write_config "$dir" "$imap_port" "$imaps_port"
        : >"$dir/dovecot.log"
        if /usr/sbin/dovecot -c "$dir/dovecot.conf" 2>>"$dir/dovecot.log"; then
            local _
            for _ in $(seq 1 100); do
                if port_open "$imap_port" && port_open "$imaps_port"; then
                    echo "$imap_port $imaps_port" >"$dir/imap.port"
                    return 0
                fi
                pid_alive "$dir/run/master.pid" || break
                sleep 0.05
            done
        fi
        stop_dovecot "$dir"
        grep -q "Address already in use" "$dir/dovecot.log" || {
            tail -n 20 "$dir/dovecot.log" >&2
            die "Dovecot did not start; see $dir/dovecot.log"
        }
    done
    die "Dovecot found no free ports; see $dir/dovecot.log"
}

stop_dovecot() {
    local dir=$1 pid _
    pid_alive "$dir/run/master.pid" || return 0
    pid=$(cat "$dir/run/master.pid")
    kill "$pid" 2>/dev/null || true
    # The master stops its children before it exits.
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.05
    done
    kill -9 "$pid" 2>/dev/null || true
}

start_smtp() {
    local dir=$1
    if pid_alive "$dir/smtp.pid"; then return 0; fi
    local attempt smtp_port smtps_port pid _
    for attempt in 1 2 3 4 5; do
        if [[ -f "$dir/smtp.port" ]]; then
            # Same ports as before: the retry test stops and starts the server and expects them.
            read -r smtp_port smtps_port <"$dir/smtp.port"
        else
            smtp_port=$(free_port)
            smtps_port=$(free_port)
            [[ $smtp_port != "$smtps_port" ]] || continue
            echo "$smtp_port $smtps_port" >"$dir/smtp.port"
        fi
        setsid "$PYTHON" "$SCRIPTS/lib/test_smtp_server.py" "$dir/smtp" "$smtp_port" "$smtps_port" \
            "$dir/cert.pem" "$dir/key.pem" "$dir/password" </dev/null >>"$dir/smtp.log" 2>&1 &
        pid=$!
        echo "$pid" >"$dir/smtp.pid"
        for _ in $(seq 1 100); do
            if ! kill -0 "$pid" 2>/dev/null; then break; fi
            if port_open "$smtp_port" && port_open "$smtps_port"; then return 0; fi
            sleep 0.05
        done
        stop_smtp "$dir"
        if ! grep -q "Address already in use" "$dir/smtp.log"; then
            tail -n 20 "$dir/smtp.log" >&2
            die "the SMTP server did not start; see $dir/smtp.log"
        fi
        # Someone took the port while it was down: a fresh pair on the next attempt.
        [[ $attempt -gt 2 ]] && rm -f "$dir/smtp.port"
        sleep 0.2
    done
    die "the SMTP server found no free port; see $dir/smtp.log"
}

stop_smtp() {
    local dir=$1 pid _
    pid_alive "$dir/smtp.pid" || { rm -f "$dir/smtp.pid"; return 0; }
    pid=$(cat "$dir/smtp.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/smtp.pid"
}

print_env() {
    local dir=$1 imap_port imaps_port smtp_port smtps_port
    read -r imap_port imaps_port <"$dir/imap.port"
    read -r smtp_port smtps_port <"$dir/smtp.port"
    echo "export RAPPORT_TEST_IMAP_HOST=127.0.0.1 RAPPORT_TEST_IMAP_PORT=$imap_port" \
        "RAPPORT_TEST_IMAPS_PORT=$imaps_port RAPPORT_TEST_SMTP_PORT=$smtp_port" \
        "RAPPORT_TEST_SMTPS_PORT=$smtps_port RAPPORT_TEST_MAIL_DIR=$dir RAPPORT_TEST_MAIL_CA=$dir/cert.pem"
}

resolve_dir() {
    local dir=$1
    mkdir -p "$dir"
    dir=$(realpath "$dir")
    # Dovecot's sockets live in DIR/run/...; their paths must fit in sockaddr_un (107 bytes).
    ((${#dir} <= 60)) || die "DIR is too long for Dovecot's socket paths: $dir (use a short path under /tmp)"
    echo "$dir"
}

cmd_start() {
    local dir
    dir=$(resolve_dir "$1")
    command -v openssl >/dev/null || die "openssl is not installed"
    [[ -x /usr/sbin/dovecot ]] || die "Dovecot is not installed (package dovecot-imapd)"
    "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || die "python3-aiosmtpd is not installed"
    chmod 0755 "$dir"
    if [[ $EUID -eq 0 ]]; then
        runuser -u "$MAIL_USER" -- test -x "$dir" ||
            die "user $MAIL_USER cannot enter $dir (its parent directories must be searchable); use a directory under /tmp"
    fi
    init_dir "$dir"
    start_dovecot "$dir"
    start_smtp "$dir"
    print_env "$dir"
}

cmd_stop() {
    local dir=$1 sub
    [[ -d "$dir" ]] || return 0
    dir=$(realpath "$dir")
    stop_smtp "$dir"
    # Private SMTP servers the tests started in subdirectories (smtp-start DIR/name).
    for sub in "$dir"/*/; do
        [[ -f "$sub/smtp.pid" ]] && stop_smtp "${sub%/}"
    done
    stop_dovecot "$dir"
}

# Delivers like a local delivery agent writing a maildir: each message goes to INBOX/tmp and is
# renamed into INBOX/new, so Dovecot sees it whole (and tells IDLE clients). Fast: thousands of
# messages a second, which the ingestion tests and benchmarks need.
cmd_deliver() {
    local dir=$1 user=$2
    shift 2
    dir=$(realpath "$dir")
    [[ -f "$dir/dovecot.conf" ]] || die "no servers in $dir (run: mail-test-servers.sh start $dir)"
    [[ $user == *@* ]] || die "USER must be user@domain"
    local box="$dir/mail/${user#*@}/${user%@*}"
    mkdir -p "$box/tmp" "$box/new" "$box/cur"
    # Only the folders of this mailbox: a recursive chown of the domain would race with Dovecot
    # moving other users' files from new/ to cur/ (tests deliver to several users at once).
    if [[ $EUID -eq 0 ]]; then
        chown "$MAIL_USER:$MAIL_USER" "$dir/mail/${user#*@}" "$box" "$box/tmp" "$box/new" "$box/cur"
    fi
    "$PYTHON" - "$box" "$MAIL_USER" "$@" <<'EOF'
import os, pwd, socket, sys, time
box, owner, files = sys.argv[1], sys.argv[2], sys.argv[3:]
uid = gid = None
if os.geteuid() == 0:
    pw = pwd.getpwnam(owner)
    uid, gid = pw.pw_uid, pw.pw_gid
host = socket.gethostname().replace("/", "_").replace(":", "_")
# Dovecot gives new maildir files their uids in the order of the time in their names
# (seconds, then microseconds): a strictly increasing clock keeps the files' order.
last = 0
for n, path in enumerate(files):
    with open(path, "rb") as f:
        data = f.read()
    now = max(time.time_ns() // 1000, last + 1)
    last = now
    name = "%d.M%06dP%dQ%08d.%s" % (now // 1000000, now % 1000000, os.getpid(), n, host)
    tmp = os.path.join(box, "tmp", name)
    with open(tmp, "wb") as f:
        f.write(data)
    if uid is not None:
        os.chown(tmp, uid, gid)
    os.rename(tmp, os.path.join(box, "new", name))
EOF
}

main() {
    [[ $# -ge 2 ]] || usage
    local command=$1 dir=$2
    case "$command" in
        start) [[ $# -eq 2 ]] || usage; cmd_start "$dir" ;;
        stop) [[ $# -eq 2 ]] || usage; cmd_stop "$dir" ;;
        env) [[ $# -eq 2 ]] || usage; print_env "$(realpath "$dir")" ;;
        smtp-stop) [[ $# -eq 2 ]] || usage; [[ ! -d "$dir" ]] || stop_smtp "$(realpath "$dir")" ;;
        smtp-start)
            [[ $# -eq 2 ]] || usage
            dir=$(resolve_dir "$dir")
            init_dir "$dir"
            start_smtp "$dir"
            ;;
        deliver) [[ $# -ge 4 ]] || usage; cmd_deliver "${@:2}" ;;
        *) usage ;;
    esac
}

main "$@"
