#!/usr/bin/env bash
# Fails when code includes what it must not know (CMake cannot stop it: every target sees
# /usr/include). Two kinds of rule, see docs/architecture.md:
#  - layers: core <- domain <- storage, http <- api <- app; an include never runs back up,
#    and api reaches storage only through the composition root (src/app);
#  - areas: an area (src/{domain,api,storage}/<area>/) includes another area only if the
#    table below declares it. The shared base (identity, permissions, audit, filters,
#    customers) may be used by every area; every other use is declared.
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
check mail 'domain/|storage/|http/|api/|app/|sqlite3|libpq|boost/beast|boost/asio' "mail transport and parsing are generic"
check http 'domain/|storage/|api/|app/|sqlite3|libpq' "the HTTP layer is generic"
check api 'app/|storage/|mail/|sqlite3|libpq' "handlers reach storage only through the composition root (src/app)"

# The areas and what each uses beyond the shared base.
BASE="identity permissions audit filters customers"
declare -A USES=(
  [identity]=""
  [permissions]=""
  [audit]=""
  [filters]=""
  [customers]="duplicates"  # api only: a create or an update answers with the duplicates it found
  [teams]=""
  [timeline]=""
  [search]="timeline"
  [privacy]="timeline"
  [segments]=""
  [partitions]="teams"
  [duplicates]=""
  [exports]="segments"
  [imports]=""
  [tasks]="timeline"
  [desk]="tasks"
  [servicelevels]="segments"  # policies may apply to the customers of one segment
  [servicedesk]=""  # service levels reach it through its SlaPlanner, adapted in src/app
  [satisfaction]="servicedesk segments"
  [portfolios]="tasks"  # CustomerRef and its JSON; reads the service desk's conversations table in SQL only
  [costs]="segments timeline servicedesk"  # storage groups the service desk's messages
  [canvas]="segments relationships costs teams satisfaction servicelevels timeline"  # joins plans, costs, NPS, SLA calendars; storage reads the desk and import tables
  [relationships]="segments teams timeline"  # plans per segment; entries name teams and timeline relationship types
  [system]=""  # api only: probes, metrics and the API document
)
# Folders of a layer that are not areas: the engines of storage, the migrations.
NOT_AREAS=" sqlite postgres migrations "

for layer in domain api storage; do
  for dir in src/$layer/*/; do
    area=$(basename "$dir")
    [[ "$NOT_AREAS" == *" $area "* ]] && continue
    if [[ -z "${USES[$area]+declared}" ]]; then
      echo "areas: src/$layer/$area is an area that scripts/check-layers.sh does not declare: add it to USES"
      status=1
      continue
    fi
    allowed=" $area $BASE ${USES[$area]} "
    while IFS= read -r hit; do
      [[ -z "$hit" ]] && continue
      used=$(sed -E 's#.*"(domain|api|storage)/([a-z_]+)/.*#\2#' <<<"$hit")
      [[ "$NOT_AREAS" == *" $used "* ]] && continue
      if [[ "$allowed" != *" $used "* ]]; then
        echo "areas: $area uses $used without declaring it (scripts/check-layers.sh, USES[$area]): $hit"
        status=1
      fi
    done < <(grep -rnE '#include "(domain|api|storage)/[a-z_]+/' "$dir" --include='*.hpp' --include='*.cpp' || true)
  done
done
exit $status
