#!/usr/bin/env bash
# Regression test of scripts/check-messages.sh: the tree passes, and each shape of a literal
# English message fails it with a message that names the file (a copy of src/ under /tmp gets
# one breach at a time); an allowed file may keep its English.
#   tests/scripts/check_messages_test.sh SOURCE_DIR
set -euo pipefail
SRC=$(cd "${1:?usage: check_messages_test.sh SOURCE_DIR}" && pwd)
TMP=$(mktemp -d /tmp/rapport-check-messages.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
errors=0
fresh_copy() {
  rm -rf "$TMP/tree"
  mkdir -p "$TMP/tree/scripts"
  cp -r "$SRC/src" "$TMP/tree/src"
  cp "$SRC/scripts/check-messages.sh" "$TMP/tree/scripts/"
}
expect() {  # expect pass|fail <expected message part> <description>
  local out status=0
  out=$("$TMP/tree/scripts/check-messages.sh" 2>&1) || status=$?
  if [[ $1 == pass && $status -ne 0 ]] || [[ $1 == fail && ($status -eq 0 || "$out" != *"$2"*) ]]; then
    echo "FAIL: $3 (exit $status): $out" >&2
    errors=$((errors + 1))
  else
    echo "ok: $3"
  fi
}
breach() {  # breach <file> <line of C++>
  fresh_copy
  printf '%s\n' "$2" >>"$TMP/tree/$1"
}

fresh_copy
expect pass "" "the tree as it is"

breach src/domain/teams/team_service.cpp 'auto e = Error::validation("the team is wrong");'
expect fail "src/domain/teams/team_service.cpp" "Error::validation with an English text"

breach src/domain/segments/segment_service.cpp 'auto e = Error::field("/name", "is too long");'
expect fail "src/domain/segments/segment_service.cpp" "Error::field with an English text"

breach src/api/search/search_routes.cpp 'auto e = Error::not_found("no such " + what);'
expect fail "src/api/search/search_routes.cpp" "Error::not_found built from English"

breach src/storage/teams/sql_team_repository.cpp 'auto e = Error::conflict("the team exists");'
expect fail "src/storage/teams/sql_team_repository.cpp" "a storage conflict in English"

breach src/domain/teams/team_service.cpp 'errors.push_back({"/name", "give it a name"});'
expect fail "src/domain/teams/team_service.cpp" "a literal FieldError"

breach src/domain/teams/team_service.cpp 'errors.push_back({at + "/name", "listed twice"});'
expect fail "src/domain/teams/team_service.cpp" "a literal FieldError at a computed pointer"

breach src/api/teams/team_routes.cpp 'body.error("/kind", "must be sales");'
expect fail "src/api/teams/team_routes.cpp" "JsonBody::error with an English text"

breach src/api/teams/team_routes.cpp 'RAPPORT_CHECK(body.finish("the team cannot be saved"));'
expect fail "src/api/teams/team_routes.cpp" "JsonBody::finish with an English phrase"

breach src/domain/teams/team_service.cpp 'auto e = Error::localized(ErrorCode::Validation, "teams.cannot_save");'
expect pass "" "a catalogue key"

breach src/storage/postgres/pg_errors.cpp 'auto e = Error::unavailable("the connection was lost");'
expect pass "" "an allowed infrastructure file"

[[ $errors -eq 0 ]] || exit 1
