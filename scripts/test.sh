#!/usr/bin/env bash
# Installs what the tests need, starts PostgreSQL on 127.0.0.1, builds everything and runs the
# whole test suite with ctest. Extra arguments go to ctest (e.g. -L compat, -LE compat).
#   LEDGERHOST_SANITIZE=address,undefined  build with sanitizers (default build dir then: build-asan)
#   LEDGERHOST_BUILD_DIR=DIR               build directory (default: build)
#   LEDGERHOST_BUILD_TYPE=TYPE             CMake build type (default: RelWithDebInfo)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/install-deps.sh
./scripts/start-postgres.sh
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
"$shared/tools/liquibase.sh" --version >/dev/null  # installs real Liquibase once, for the compat suite

sanitize=${LEDGERHOST_SANITIZE:-}
build=${LEDGERHOST_BUILD_DIR:-$([[ -n $sanitize ]] && echo build-asan || echo build)}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${LEDGERHOST_BUILD_TYPE:-RelWithDebInfo}" \
  -DLEDGERHOST_SANITIZE="$sanitize" ${LEDGERHOST_CMAKE_ARGS:-}
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" "$@"
