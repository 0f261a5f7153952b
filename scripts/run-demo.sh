#!/usr/bin/env bash
# The host's main job on the embedded default: builds ledgerhost and the sample plugins, lays out a
# node base directory (demo-node/) with the plugins copied in, shows what loads, then brings the
# SQLite database up to date with every plugin's changelog and shows the recorded history.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEDGERHOST_BUILD_TESTS=OFF -DLEDGERHOST_BUILD_BENCH=OFF
cmake --build build -j"$(nproc)"

base=$root/demo-node
rm -rf "$base"
mkdir -p "$base/plugins"
cp build/plugins/*.so "$base/plugins/"
lh=build/bin/ledgerhost

echo "== plugins found in $base/plugins"
"$lh" plugins --base-directory "$base"

echo "== migrating the embedded SQLite database $base/ledgerhost.db"
"$lh" db update --search-path migrations --changelog-file ledgerhost-node.changelog-master.xml --url "sqlite:$base/ledgerhost.db"
for master in sample-plugins/*/migrations/*.changelog-master.*; do
  dir=$(dirname "$master")
  echo "-- $(basename "$master")"
  "$lh" db update --search-path "$dir" --changelog-file "$(basename "$master")" --url "sqlite:$base/ledgerhost.db"
done
echo "== history"
"$lh" db history --url "sqlite:$base/ledgerhost.db"
echo "== tables"
sqlite3 "$base/ledgerhost.db" .tables
