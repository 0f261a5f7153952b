#!/usr/bin/env bash
# Re-captures the MD5SUM/DESCRIPTION values real Liquibase 4.28 writes for the test changelogs here.
# Runs in a scratch copy (offline mode writes databasechangelog.csv into the current directory).
#   all/changelog.xml  -> all_postgresql.txt (offline:postgresql update-sql; rows of databasechangelog.csv)
#                      -> all_h2.txt (same changelog on offline:h2: dbms-targeted changes differ)
# Line format: id|MD5SUM|DESCRIPTION
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
liquibase=${LIQUIBASE:-$here/../../../../../../shared/tools/liquibase.sh}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$here/all" "$scratch/all"
cd "$scratch/all"
mkdir classes
javac -cp "${LIQUIBASE_HOME:-$HOME/.cache/liquibase-4.28.1}/internal/lib/liquibase-core.jar" -d classes java/ledgerhost/test/NoopChange.java
(cd classes && jar cf ../noop.jar .)
for db in postgresql h2; do
  rm -f databasechangelog.csv
  "$liquibase" --classpath=noop.jar --changelog-file=changelog.xml --url=offline:$db update-sql \
    --context-filter='!never' >/dev/null
  # Offline mode records the history rows in databasechangelog.csv.
  python3 -c 'import csv,sys
for r in csv.DictReader(open("databasechangelog.csv")): print(r["ID"]+"|"+r["MD5SUM"]+"|"+r["DESCRIPTION"])' \
    > "$here/all_$db.txt"
done
# The <stop> changeset cannot be run; ask Liquibase for its checksum instead.
"$liquibase" --classpath=noop.jar --changelog-file=changelog.xml --url=offline:postgresql calculate-checksum \
  --changeset-identifier=changelog.xml::stop::cs | grep -o '9:[0-9a-f]*' | sed 's/^/stop|/; s/$/|stop/' >> "$here/all_postgresql.txt"
