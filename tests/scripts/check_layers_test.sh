#!/usr/bin/env bash
# Regression test of scripts/check-layers.sh: the tree passes, and each kind of breach fails
# it with a message that names the file (a copy of src/ under /tmp gets one breach at a time).
#   tests/scripts/check_layers_test.sh SOURCE_DIR
set -euo pipefail
SRC=$(cd "${1:?usage: check_layers_test.sh SOURCE_DIR}" && pwd)
TMP=$(mktemp -d /tmp/rapport-check-layers.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
errors=0
fresh_copy() {
  rm -rf "$TMP/tree"
  mkdir -p "$TMP/tree/scripts"
  cp -r "$SRC/src" "$TMP/tree/src"
  cp "$SRC/scripts/check-layers.sh" "$TMP/tree/scripts/"
}
expect() {  # expect pass|fail <expected message part> <description>
  local out status=0
  out=$("$TMP/tree/scripts/check-layers.sh" 2>&1) || status=$?
  if [[ $1 == pass && $status -ne 0 ]] || [[ $1 == fail && ($status -eq 0 || "$out" != *"$2"*) ]]; then
    echo "FAIL: $3 (exit $status): $out" >&2
    errors=$((errors + 1))
  else
    echo "ok: $3"
  fi
}

fresh_copy
expect pass "" "the tree as it is"

fresh_copy
echo '#include "storage/database.hpp"' >>"$TMP/tree/src/api/customers/customer_lists.hpp"
expect fail "src/api/customers/customer_lists.hpp" "api includes storage"

fresh_copy
echo '#include "http/router.hpp"' >>"$TMP/tree/src/domain/segments/segment.hpp"
expect fail "src/domain/segments/segment.hpp" "domain includes http"

fresh_copy
echo '#include "domain/segments/segment.hpp"' >>"$TMP/tree/src/domain/timeline/interaction.hpp"
expect fail "timeline uses segments without declaring it" "an undeclared use between areas"

fresh_copy
mkdir -p "$TMP/tree/src/domain/newarea"
touch "$TMP/tree/src/domain/newarea/thing.hpp"
expect fail "src/domain/newarea is an area that scripts/check-layers.sh does not declare" "an undeclared area"

[[ $errors -eq 0 ]] || exit 1
