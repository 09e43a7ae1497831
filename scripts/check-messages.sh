#!/usr/bin/env bash
# Fails when server code writes a person-readable message in English instead of taking it
# from the message catalogue (docs/adr/0005-server-messages.md): every problem detail and
# field error of src/{domain,api,storage,http} goes through Error::localized,
# Error::localized_field, FieldError::localized or Message::localized with a key in a
# messages.json. It looks for the usual shapes of a literal English message:
#  - Error::validation("..."), Error::field(p, "..."), Error::not_found("...") and the other
#    constructors of core/error.hpp that take an English text;
#  - a FieldError written as a literal ({"/pointer", "text"}) or JsonBody::error(p, "text");
#  - JsonBody::finish("an english phrase") instead of a catalogue key.
# Messages that stay English on purpose (infrastructure failures a person cannot act on,
# startup and CLI errors) live in the files of ALLOWED; docs/adr/0005 lists them. One line
# elsewhere may say why it is English in a trailing "// english: <why>" comment.
set -euo pipefail
cd "$(dirname "$0")/.."

ALLOWED=(
  src/storage/postgres/          # connection and pool failures: 503s an operator reads in the log
  src/storage/sqlite/sqlite_database.cpp
  src/storage/sqlite/sqlite_errors.cpp  # disk full / read-only: 503 with the engine's own text
  src/storage/open_database.cpp  # the --database URL at startup
  src/storage/migrations.cpp     # schema version checks at startup
  src/storage/transaction.hpp    # a placeholder error overwritten by the first attempt
  src/http/server.cpp            # --listen at startup (the 413s are localized)
)

status=0
report() {  # report <what> <hits>
  local hits=$2 kept="" line
  while IFS= read -r line; do
    [[ -z $line || $line == *"// english: "* ]] && continue
    local file=${line%%:*} allowed=0
    for a in "${ALLOWED[@]}"; do
      [[ $file == "$a"* ]] && allowed=1
    done
    [[ $allowed -eq 0 ]] && kept+="$line"$'\n'
  done <<<"$hits"
  if [[ -n $kept ]]; then
    echo "messages: $1; give it a key in a messages.json (docs/adr/0005-server-messages.md):"
    printf '%s' "$kept"
    status=1
  fi
}
scan() {  # scan <extended regex>
  grep -rnE "$1" src/domain src/api src/storage src/http --include='*.cpp' --include='*.hpp' || true
}

report "an English text given to an Error constructor" \
  "$(scan 'Error::(validation|field|not_found|forbidden|conflict|bad_request|unauthenticated|rate_limited|unavailable)\(([^()]*, *)?"[^"]*[a-z] [a-z]')"
report "an English text given to an Error constructor" \
  "$(scan 'Error::(validation|not_found|forbidden|conflict|bad_request|unauthenticated|rate_limited|unavailable)\("')"
report "a FieldError written with an English text" \
  "$(scan '(push_back|emplace_back)\(\{?"[/?][^"]*"[^,]*, *"[^"]*[a-z] ?[a-z]*')"
report "a FieldError written with an English text" "$(scan 'push_back\(\{[^{}]*, *"[^"]*[a-z] [a-z]')"
report "a FieldError written with an English text" \
  "$(scan '(FieldError\{|\.error\()[^,]*, *"[^"]*[a-z]')"
report "an Error written with an English detail" "$(scan '(Error\{ErrorCode::[A-Za-z]+, *"|Error\{ *$|\.detail = ")')"
report "an English phrase given to JsonBody::finish" "$(scan 'finish\("[^"]* [^"]*"\)')"

exit $status
