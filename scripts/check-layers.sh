#!/usr/bin/env bash
# Fails when a layer includes what it must not know (CMake cannot stop it: every target
# sees /usr/include). See docs/architecture.md for the layers.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() {  # check <folder> <forbidden include regex> <why>
  local hits
  hits=$(grep -rnE "#include [<\"]($2)" "src/$1" --include='*.hpp' --include='*.cpp' || true)
  if [[ -n "$hits" ]]; then
    echo "layering: src/$1 must not include $2 ($3):"
    echo "$hits"
    status=1
  fi
}
check core 'domain/|storage/|http/|api/|app/|sqlite3|libpq|boost/beast|boost/asio|nlohmann' "core depends on nothing of ours"
check domain 'storage/|http/|api/|app/|sqlite3|libpq|boost/beast|boost/asio' "domain logic knows neither SQL nor HTTP"
check storage 'http/|api/|app/|boost/beast|boost/asio' "storage knows no HTTP"
check http 'domain/|storage/|api/|app/|sqlite3|libpq' "the HTTP layer is generic"
check api 'app/|sqlite3|libpq|storage/sqlite|storage/postgres' "handlers never see an engine"
exit $status
