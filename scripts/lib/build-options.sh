# Sourced, not run: the CMake options of each build the scripts make. Every list sets every
# option of CMakeLists.txt (tests/scripts/build_options_test.sh checks it), because CMake
# keeps a cached option until someone sets it again: a build/ configured by scripts/run.sh
# (tests off) and then reused by scripts/test.sh without -DRAPPORT_BUILD_TESTS=ON built no
# test at all.
#
# The server build (build/) is shared by run.sh and test.sh: the two lists differ only in
# what is built besides the server, so switching between them recompiles nothing.
# shellcheck disable=SC2034  # the arrays are used by the scripts that source this file
RAPPORT_RUN_OPTIONS=(
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORT_WERROR=ON -DRAPPORT_SANITIZE=OFF
  -DRAPPORT_BUILD_TESTS=OFF -DRAPPORT_BUILD_BENCH=OFF -DRAPPORT_FUZZ=OFF
)
RAPPORT_TEST_OPTIONS=(
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORT_WERROR=ON -DRAPPORT_SANITIZE=OFF
  -DRAPPORT_BUILD_TESTS=ON -DRAPPORT_BUILD_BENCH=ON -DRAPPORT_FUZZ=OFF
)
RAPPORT_ASAN_OPTIONS=(
  -DCMAKE_BUILD_TYPE=Debug -DRAPPORT_WERROR=ON -DRAPPORT_SANITIZE=ON
  -DRAPPORT_BUILD_TESTS=ON -DRAPPORT_BUILD_BENCH=OFF -DRAPPORT_FUZZ=OFF
)
# The libFuzzer targets (scripts/fuzz.sh; clang only, in build-fuzz/).
RAPPORT_FUZZ_OPTIONS=(
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORT_WERROR=ON -DRAPPORT_SANITIZE=OFF
  -DRAPPORT_BUILD_TESTS=OFF -DRAPPORT_BUILD_BENCH=OFF -DRAPPORT_FUZZ=ON
)
# The test binaries every test build must contain (one per layer, tests/CMakeLists.txt).
RAPPORT_TEST_BINARIES=(rapport_core_tests rapport_domain_tests rapport_storage_tests rapport_http_tests rapport_mail_tests
  rapport_api_tests rapport_app_tests)
