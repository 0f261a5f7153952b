#!/usr/bin/env bash
# Installs what the tests need, starts PostgreSQL, MariaDB and Redis on 127.0.0.1, builds everything with ASan+UBSan
# and runs the whole test suite with ctest: one build in which every test, the Liquibase
# comparison included, runs under the sanitizers; then the parsers' fuzz targets for 3 s each
# (scripts/fuzz.sh). Extra arguments go to ctest (e.g. -L compat) and skip the fuzzing.
#   LEDGERHOST_SANITIZE=LIST     sanitizers (default: address,undefined; "" for a plain build)
#   LEDGERHOST_BUILD_DIR=DIR     build directory (default: build-test)
#   LEDGERHOST_BUILD_TYPE=TYPE   CMake build type (default: Debug)
#   LEDGERHOST_UNITY_BUILD=ON|OFF  CMake unity build (default ON: the build takes 40% less time; names at
#                                namespace scope must then be unique within each target, see docs/architecture.md)
#   LEDGERHOST_CMAKE_ARGS=ARGS   extra CMake arguments
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/install-deps.sh
./scripts/start-postgres.sh
./scripts/start-mariadb.sh
./scripts/start-redis.sh
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
# Real Liquibase (installed on first use) is the reference of the compatibility suite: without it
# the suite cannot run, so say so here rather than fail later with no message.
if [[ ! -x $shared/tools/liquibase.sh ]]; then
  echo "test.sh: $shared/tools/liquibase.sh not found: the compatibility suite needs this repository's" \
       "../shared folder beside the checkout (or LEDGERHOST_SHARED_DIR)" >&2
  exit 1
fi
if ! liquibase_version=$("$shared/tools/liquibase.sh" --version 2>&1); then
  echo "$liquibase_version" | tail -n 20 >&2
  echo "test.sh: installing or starting real Liquibase ($shared/tools/liquibase.sh --version) failed;" \
       "the compatibility suite cannot run without it (npm registry and Java 17 are needed)" >&2
  exit 1
fi

sanitize=${LEDGERHOST_SANITIZE-address,undefined}
build=${LEDGERHOST_BUILD_DIR:-build-test}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${LEDGERHOST_BUILD_TYPE:-Debug}" \
  -DLEDGERHOST_SANITIZE="$sanitize" -DCMAKE_UNITY_BUILD="${LEDGERHOST_UNITY_BUILD:-ON}" ${LEDGERHOST_CMAKE_ARGS:-}
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" "$@"
# Then every parser's fuzz target under libFuzzer for a few seconds (a separate clang build), so that
# a crash on hostile input surfaces here; skipped when only some tests were asked for.
if [[ $# -eq 0 ]]; then
  ./scripts/fuzz.sh --seconds "${LEDGERHOST_FUZZ_SECONDS:-3}"
fi
