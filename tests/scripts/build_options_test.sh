#!/usr/bin/env bash
# Regression test of the README's order (scripts/run.sh, then scripts/test.sh on the same
# build/): run.sh configured build/ without tests, test.sh reused it, CMake kept the cached
# option, and test.sh found no test yet reported a mostly passing run.
#   tests/scripts/build_options_test.sh SOURCE_DIR
# Configures (never builds) throwaway build folders under /tmp.
set -euo pipefail
SRC=$(cd "${1:?usage: build_options_test.sh SOURCE_DIR}" && pwd)
cd "$SRC"
source scripts/lib/build-options.sh
source scripts/lib/ctest-tally.sh
JOBS=1
TMP=$(mktemp -d /tmp/rapport-build-options.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
errors=0
check() {  # check <command...> -- <message>
  local message=${*: -1}
  if ! "${@:1:$#-2}"; then
    echo "FAIL: $message" >&2
    errors=$((errors + 1))
  else
    echo "ok: $message"
  fi
}
sets_option() {  # sets_option <list name> <option>
  local -n list=$1
  local o
  for o in "${list[@]}"; do [[ $o == -D$2=* ]] && return 0; done
  return 1
}

# 1. Every list sets every option of CMakeLists.txt, and the build type.
mapfile -t options < <(grep -oE '^option\((RAPPORT_[A-Z_]+)' CMakeLists.txt | sed 's/option(//')
options+=(CMAKE_BUILD_TYPE)
check test ${#options[@]} -ge 4 -- "CMakeLists.txt declares its options (${options[*]})"
for list in RAPPORT_RUN_OPTIONS RAPPORT_TEST_OPTIONS RAPPORT_ASAN_OPTIONS RAPPORT_FUZZ_OPTIONS; do
  for o in "${options[@]}"; do
    check sets_option "$list" "$o" -- "$list sets $o"
  done
done

# 2. No script configures a build without one of the lists.
bare=$(grep -nE 'cmake -S' scripts/*.sh .ci/run | grep -vE 'RAPPORT_(RUN|TEST|ASAN|FUZZ)_OPTIONS|"\$@"' || true)
check test -z "$bare" -- "every cmake configure in scripts/ and .ci/ uses an option list${bare:+: $bare}"
check grep -q 'RAPPORT_RUN_OPTIONS' scripts/run.sh -- "scripts/run.sh configures with RAPPORT_RUN_OPTIONS"
check grep -q 'cmake -S . -B build "${RAPPORT_TEST_OPTIONS\[@\]}"' scripts/test.sh -- \
  "scripts/test.sh configures build/ with RAPPORT_TEST_OPTIONS"
check grep -q 'cmake -S . -B build-asan "${RAPPORT_ASAN_OPTIONS\[@\]}"' scripts/test.sh -- \
  "scripts/test.sh configures build-asan/ with RAPPORT_ASAN_OPTIONS"

# 3. The README's order on one build folder: run.sh's configure, then test.sh's.
cmake -S . -B "$TMP/build" "${RAPPORT_RUN_OPTIONS[@]}" >"$TMP/configure-run.log" 2>&1
check grep -q '^RAPPORT_BUILD_TESTS:BOOL=OFF' "$TMP/build/CMakeCache.txt" -- "run.sh's configure turns the tests off"
# A build without tests: ctest finds none, which must count as a failure.
PASSED=0 FAILED=0
run_ctest "$TMP/build" '^(core|domain|http|storage)$' >"$TMP/ctest-none.log" 2>&1
check test "$PASSED:$FAILED" = "0:1" -- "a build without tests counts one failure and no pass (got $PASSED:$FAILED)"
PASSED=0 FAILED=0
check_test_binaries "$TMP/build" "${RAPPORT_TEST_BINARIES[@]}" 2>/dev/null
check test "$FAILED" -eq ${#RAPPORT_TEST_BINARIES[@]} -- "each missing test binary counts as a failure"

cmake -S . -B "$TMP/build" "${RAPPORT_TEST_OPTIONS[@]}" >"$TMP/configure-test.log" 2>&1
check grep -q '^RAPPORT_BUILD_TESTS:BOOL=ON' "$TMP/build/CMakeCache.txt" -- "test.sh's configure turns them back on"
check grep -q '^RAPPORT_BUILD_BENCH:BOOL=ON' "$TMP/build/CMakeCache.txt" -- "test.sh's configure builds the benchmarks"
# Configured but not built: the registered tests have no binary, which must fail too.
PASSED=0 FAILED=0
run_ctest "$TMP/build" '^core$' >"$TMP/ctest-unbuilt.log" 2>&1
check test "$PASSED" -eq 0 -a "$FAILED" -ge 1 -- "tests whose binary was never built fail (got $PASSED:$FAILED)"

if ((errors)); then
  echo "$errors check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
