#!/usr/bin/env bash
# Installs whatever Rapport needs from Debian 12's packages (and the web UI's npm
# packages). Idempotent and quick when everything is present: it only calls apt-get for
# packages that are missing. Run as root (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  # build
  build-essential cmake pkg-config ccache clang-format
  # libraries
  libboost-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev libsodium-dev
  libspdlog-dev libfmt-dev libcli11-dev libexpected-dev libphonenumber-dev
  libgmime-3.0-dev libcurl4-openssl-dev libhowardhinnant-date-dev
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 chromium wrk nginx-light jq curl
  # the service desk's tests: a real IMAP server and an SMTP server on loopback
  dovecot-imapd python3-aiosmtpd openssl
  # fuzzing (scripts/fuzz.sh): clang's libFuzzer and sanitizer runtimes
  clang libclang-rt-14-dev
  # web UI
  nodejs
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# npm ships inside NodeSource's nodejs; Debian's own nodejs needs the separate npm package.
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts nginx and PostgreSQL services on install; Rapport's benchmarks and tests
  # start their own instances on loopback, so stop the system ones if they came up.
  ($SUDO service nginx stop || true) >/dev/null 2>&1
  ($SUDO service postgresql stop || true) >/dev/null 2>&1
  ($SUDO service dovecot stop || true) >/dev/null 2>&1
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 20)); then
  echo "install-deps: warning: Node.js $node_major found; the web UI's build tools need Node.js 20 or newer" >&2
fi

# The web UI's packages, exactly as locked.
if [[ -f web/package-lock.json ]]; then
  if [[ ! -d web/node_modules ]] || [[ web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
    echo "install-deps: npm ci (web/)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
