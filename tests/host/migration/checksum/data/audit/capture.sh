#!/usr/bin/env bash
# Re-captures expected.txt: the MD5SUM real Liquibase 4.28 records for every changeset of audit.xml and
# audit.yaml (changelog-sync on a scratch H2 file database; checksums do not depend on the database here:
# no changeset targets a dbms that would be in for H2 and out for SQLite, or the reverse).
# Line format: id|MD5SUM, in changelog order (audit.xml, then audit.yaml).
#   LEDGERHOST_SHARED_DIR  where tools/liquibase.sh lives (default: <project>/../shared)
#   LIQUIBASE_HOME         where liquibase.sh installs Liquibase (default ~/.cache/liquibase-4.28.1)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../../.." && pwd)
liquibase=${LEDGERHOST_SHARED_DIR:-$root/../shared}/tools/liquibase.sh
home=${LIQUIBASE_HOME:-$HOME/.cache/liquibase-4.28.1}
# YAML timestamps become java.util.Date text in the JVM's default time zone: capture in UTC.
export TZ=UTC
export JAVA_OPTS="${JAVA_OPTS:-} -Duser.timezone=UTC"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$here/audit.xml" "$here/audit.yaml" "$here/audit.sql" "$here/audit.csv" "$scratch/"
cd "$scratch"
"$liquibase" --version >/dev/null  # installs Liquibase on first use
# The customChange changesets use the stub class of ../all (no getters, so attributes are not params).
mkdir classes
javac -cp "$home/internal/lib/liquibase-core.jar" -d classes "$here/../all/java/ledgerhost/test/NoopChange.java"
(cd classes && jar cf ../noop.jar .)
: > "$here/expected.txt"
for file in audit.xml audit.yaml; do
  db=$scratch/h2-${file/./-}
  "$liquibase" --classpath=noop.jar --changelog-file=$file --search-path=. --url=jdbc:h2:file:$db changelog-sync >/dev/null
  java -cp "$home/internal/lib/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$db" \
    -sql "select id || '|' || md5sum from DATABASECHANGELOG order by orderexecuted" |
    grep -E '^[^ ]+\|[0-9]+:[0-9a-f]+ *$' | sed 's/ *$//' >> "$here/expected.txt"
done
wc -l < "$here/expected.txt"
