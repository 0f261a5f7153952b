#!/usr/bin/env bash
# Builds the parsers' fuzz targets with clang and libFuzzer (ASan+UBSan) and runs each one for a while
# on its seeds (fuzz/CMakeLists.txt). A crash stops the run: the input is left in the build directory
# (crash-*), to be added under fuzz/regressions/<target>/ with its fix.
#   scripts/fuzz.sh [--seconds N] [TARGET...]   N seconds per target (default 10; docs/reliability.md
#                                               records the long runs); all targets unless named
#   LEDGERHOST_FUZZ_BUILD_DIR=DIR   build directory (default: build-fuzz)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=10
if [[ ${1:-} == --seconds ]]; then seconds=$2; shift 2; fi
build=${LEDGERHOST_FUZZ_BUILD_DIR:-build-fuzz}
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
targets=(changelog_xml changelog_yaml changelog_json changelog_sql properties node_yaml elf sqlite_create_table java_properties
         catalog_text changelog_writer)
if (($#)); then
  for target in "$@"; do
    [[ " ${targets[*]} " == *" $target "* ]] || { echo "fuzz.sh: no target '$target' (${targets[*]})" >&2; exit 2; }
  done
  targets=("$@")
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEDGERHOST_FUZZ=ON \
  -DLEDGERHOST_SANITIZE=address,undefined -DLEDGERHOST_BUILD_TESTS=OFF -DLEDGERHOST_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") iou
build=$(cd "$build" && pwd)
declare -A seeds=(
  [changelog_xml]="$shared/corpus $root/tests/compat/changelogs $root/migrations"
  [changelog_yaml]="$root/tests/compat/changelogs $root/tests/host/migration/parse/data"
  [changelog_json]="$root/tests/compat/changelogs $root/tests/host/migration/parse/data"
  [changelog_sql]="$root/tests/compat/changelogs $root/sample-plugins"
  [properties]="$root/fuzz/seeds/properties"
  [node_yaml]="$root/fuzz/seeds/node_yaml"
  [elf]="$build/plugins"
  [sqlite_create_table]="$root/fuzz/seeds/sqlite_create_table"
  [java_properties]="$root/fuzz/seeds/java_properties"
  [catalog_text]="$root/fuzz/seeds/catalog_text"
  [changelog_writer]="$root/fuzz/seeds/changelog_writer"
)
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
  corpus="$build/fuzz/corpus-$target"  # what the fuzzer learned; seeds are read, never written
  mkdir -p "$corpus" "fuzz/regressions/$target"
  echo "fuzz_$target: ${seconds}s"
  # shellcheck disable=SC2086
  (cd "$build/fuzz" && ./"fuzz_$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
     -timeout=10 "$corpus" ${seeds[$target]} 2>&1 | tail -n 3) || {
    echo "fuzz.sh: fuzz_$target found a crash; the input is in $build/fuzz (crash-*, oom-*, timeout-*)" >&2
    exit 1
  }
done
echo "fuzzing done: ${#targets[@]} targets, ${seconds}s each"
