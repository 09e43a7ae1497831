#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan+UBSan, in build-fuzz) and runs
# each for a bounded time on a copy of its committed seed corpus (tests/fuzz/corpus/<target>),
# so the committed corpus never changes. Installs nothing: scripts/install-deps.sh brings
# clang and libclang-rt-14-dev.
#
#   scripts/fuzz.sh [target...]      default: every tests/fuzz/*_fuzz.cpp
#   RAPPORT_FUZZ_SECONDS=N           seconds per target (default 30)
#
# Prints one line per target, "fuzz: <target> passed" or "fuzz: <target> FAILED" with the
# path of the crashing input (kept under build-fuzz/crashes/), then "fuzz: N passed, M
# failed". Exits non-zero when any target crashed, leaked, timed out or failed to build.
# Reproduce a crash with: build-fuzz/tests/fuzz/<target>_fuzz <crashing input>.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${RAPPORT_FUZZ_SECONDS:-30}
JOBS=${RAPPORT_JOBS:-2}
source scripts/lib/build-options.sh

if (($#)); then
  targets=("$@")
else
  targets=()
  for f in tests/fuzz/*_fuzz.cpp; do
    name=$(basename "$f" .cpp)
    targets+=("${name%_fuzz}")
  done
fi

echo "== fuzz: build (clang, ASan+UBSan+libFuzzer, build-fuzz)"
CC=clang CXX=clang++ cmake -S . -B build-fuzz "${RAPPORT_FUZZ_OPTIONS[@]}" >/dev/null
build_targets=()
for t in "${targets[@]}"; do build_targets+=("${t}_fuzz"); done
build_ok=1
cmake --build build-fuzz -j"$JOBS" --target "${build_targets[@]}" || build_ok=0

WORK=$(mktemp -d /tmp/rapport-fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p build-fuzz/crashes

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

passed=0
failed=0
for t in "${targets[@]}"; do
  bin=build-fuzz/tests/fuzz/${t}_fuzz
  if [[ $build_ok -eq 0 || ! -x $bin ]]; then
    echo "fuzz: $t FAILED (not built)"
    failed=$((failed + 1))
    continue
  fi
  corpus=$WORK/$t
  mkdir -p "$corpus"
  if [[ -d tests/fuzz/corpus/$t ]]; then cp -R "tests/fuzz/corpus/$t/." "$corpus/"; fi
  dict=()
  case $t in
    csv_*) dict=(-dict=tests/fuzz/csv.dict) ;;
    json_body | filter_parser) dict=(-dict=tests/fuzz/json.dict) ;;
    http_request) dict=(-dict=tests/fuzz/http_request.dict) ;;
    query_string) dict=(-dict=tests/fuzz/query_string.dict) ;;
  esac
  log=$WORK/$t.log
  echo "== fuzz: $t for ${SECONDS_EACH}s"
  set +e
  "$bin" "$corpus" "${dict[@]}" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$t-" >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" || echo "?")
  if [[ $status -eq 0 ]]; then
    echo "fuzz: $t passed ($runs runs in ${SECONDS_EACH}s)"
    passed=$((passed + 1))
  else
    tail -n 60 "$log"
    crash=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //' || true)
    echo "fuzz: $t FAILED (exit $status); crashing input: ${crash:-none written, see the log above}"
    failed=$((failed + 1))
  fi
done

echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
