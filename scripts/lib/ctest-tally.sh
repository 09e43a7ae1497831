# Sourced, not run: run_ctest and check_test_binaries add to PASSED and FAILED (set them to 0
# first). A run that finds no test, a test binary that is missing and a ctest that ends
# without its summary line count as failures, never as passes: a build configured without
# the tests must not look like a green run.

# run_ctest <build dir> <label regex> [VAR=value...]: runs the labelled tests of the build.
run_ctest() {
  local dir=$1 labels=$2
  shift 2
  local log
  log=$(mktemp /tmp/rapport-ctest.XXXXXX)
  set +e
  env "$@" ctest --test-dir "$dir" -L "$labels" --no-tests=error -j"${JOBS:-2}" --timeout 300 2>&1 | tee "$log"
  set -e
  local line
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$log" | tail -1 || true)
  if grep -q "No tests were found" "$log" || [[ -z "$line" ]]; then
    echo "FAILED: no tests labelled $labels ran in $dir (configure it with -DRAPPORT_BUILD_TESTS=ON)" >&2
    FAILED=$((FAILED + 1))
    rm -f "$log"
    return
  fi
  rm -f "$log"
  local failed total
  failed=$(sed -E 's/.*passed, ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.*passed, ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$line")
  PASSED=$((PASSED + total - failed))
  FAILED=$((FAILED + failed))
}

# check_test_binaries <build dir> <name...>: one failure per test binary the build lacks.
check_test_binaries() {
  local dir=$1
  shift
  local name
  for name in "$@"; do
    if [[ ! -x "$dir/tests/$name" ]]; then
      echo "FAILED: the test binary $dir/tests/$name is missing" >&2
      FAILED=$((FAILED + 1))
    fi
  done
}
