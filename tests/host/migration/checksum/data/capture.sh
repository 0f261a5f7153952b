#!/usr/bin/env bash
# Re-captures the MD5SUM/DESCRIPTION values real Liquibase 4.28 writes for the test changelogs here.
# Runs in a scratch copy (offline mode writes databasechangelog.csv into the current directory).
#   all/changelog.xml  -> all_postgresql.txt (offline:postgresql update-sql; rows of databasechangelog.csv)
#                      -> all_h2.txt (same changelog on offline:h2: dbms-targeted changes differ)
#                      -> all_v8.txt (v8 checksums Liquibase computes for rows stored as 8:..., H2)
#   formats/changelog.{yaml,json,sql} -> formats_postgresql.txt (offline:postgresql update-sql)
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
"$liquibase" --classpath=noop.jar --changelog-file=changelog.xml --url=jdbc:sqlite:$scratch/stop.db calculate-checksum \
  --changeset-identifier=changelog.xml::stop::cs 2>&1 | grep -oE '9:[0-9a-f]{32}' | sed 's/^/stop|/; s/$/|stop/' |
  tee -a "$here/all_postgresql.txt" >> "$here/all_h2.txt"
# v8 (pre-4.22) values: mark everything ran on H2, overwrite every MD5SUM with a v8 value that cannot
# match, and let `validate` report the v8 checksum it computes for each row ("was: 8:0.. but is now: 8:..").
# Changesets with <validCheckSum>ANY</validCheckSum> are not reported.
h2=jdbc:h2:file:$scratch/h2db
"$liquibase" --classpath=noop.jar --changelog-file=changelog.xml --url=$h2 changelog-sync --context-filter='!never' >/dev/null
# validate lists at most 26 changesets, so ask about 20 rows at a time (NULL rows are not checked).
: > "$here/all_v8.txt"
for first in 1 21 41 61; do
  "$liquibase" --classpath=noop.jar --url=$h2 execute-sql --sql="update DATABASECHANGELOG set MD5SUM = case when \
ORDEREXECUTED between $first and $((first + 19)) then '8:00000000000000000000000000000000' else NULL end" >/dev/null
  "$liquibase" --classpath=noop.jar --changelog-file=changelog.xml --url=$h2 validate 2>&1 |
    sed -nE 's/^ *changelog.xml::(.*)::cs was: 8:0+ but is now: (8:[0-9a-f]+)$/\1|\2|/p' >> "$here/all_v8.txt" || true
done
sort -u -o "$here/all_v8.txt" "$here/all_v8.txt"
# YAML, JSON and formatted-SQL variants.
cp -r "$here/formats" "$scratch/formats"
cd "$scratch/formats"
: > "$here/formats_postgresql.txt"
for file in changelog.yaml changelog.json changelog.sql; do
  rm -f databasechangelog.csv
  "$liquibase" --changelog-file=$file --url=offline:postgresql update-sql >/dev/null
  python3 -c 'import csv,sys
for r in csv.DictReader(open("databasechangelog.csv")): print(r["ID"]+"|"+r["MD5SUM"]+"|"+r["DESCRIPTION"])' \
    >> "$here/formats_postgresql.txt"
done
