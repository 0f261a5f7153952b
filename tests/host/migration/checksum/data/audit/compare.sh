#!/usr/bin/env bash
# Runs a ledgerhost binary's changelog-sync on audit.xml and audit.yaml (scratch SQLite databases) and lists
# every changeset whose MD5SUM differs from Liquibase's (expected.txt): "id|liquibase|ledgerhost".
#   compare.sh [path/to/ledgerhost]   (default: <project>/build-test/bin/ledgerhost)
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../../.." && pwd)
ledgerhost=${1:-$root/build-test/bin/ledgerhost}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for file in audit.xml audit.yaml; do
  (cd "$here" && "$ledgerhost" db --changelog-file "$file" --search-path . --url "sqlite:$scratch/${file/./-}.db" changelog-sync >/dev/null)
  sqlite3 "$scratch/${file/./-}.db" "select id || '|' || md5sum from DATABASECHANGELOG order by orderexecuted"
done > "$scratch/actual.txt"
join -t'|' -j1 <(sort -t'|' -k1,1 "$here/expected.txt") <(sort -t'|' -k1,1 "$scratch/actual.txt") |
  awk -F'|' '$2 != $3' > "$scratch/diff.txt"
cat "$scratch/diff.txt"
echo "$(wc -l < "$scratch/diff.txt") of $(wc -l < "$here/expected.txt") changesets differ" >&2
