#!/usr/bin/env bash
# Captures the MD5SUM/DESCRIPTION real Liquibase 4.28 records for every master changelog of the
# shared corpus, into corpus/<name>_<db>.txt as FILENAME|ID|AUTHOR|MD5SUM|DESCRIPTION:
#   h2:         changelog-sync into a fresh H2 file database (records every changeset without running it)
#   postgresql: changelog-sync into a fresh schema of the test PostgreSQL server
# Corda's customChange classes are replaced by no-op stubs of the same name (the checksum only
# depends on the class name and params). Runs in a scratch copy of the corpus.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
liquibase=${LIQUIBASE:-$shared/tools/liquibase.sh}
pg_host=127.0.0.1 pg_db=ledgerhost_test pg_user=ledgerhost
export PGPASSWORD=ledgerhost
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$shared/corpus" "$scratch/corpus"
mkdir -p "$scratch/stubs" "$here/corpus"
for class in net.corda.node.migration.VaultStateMigration net.corda.node.migration.PersistentIdentityMigration \
    net.corda.node.migration.PersistentIdentityMigrationNewTable \
    net.corda.nodeapi.internal.persistence.AttachmentVersionNumberMigration; do
  package=${class%.*} simple=${class##*.}
  mkdir -p "$scratch/stubs/src/${package//.//}"
  cat > "$scratch/stubs/src/${package//.//}/$simple.java" <<JAVA
package $package;
public class $simple implements liquibase.change.custom.CustomTaskChange {
  public void execute(liquibase.database.Database database) {}
  public String getConfirmationMessage() { return ""; }
  public void setUp() {}
  public void setFileOpener(liquibase.resource.ResourceAccessor accessor) {}
  public liquibase.exception.ValidationErrors validate(liquibase.database.Database database) { return null; }
}
JAVA
done
mkdir "$scratch/stubs/classes"
javac -cp "${LIQUIBASE_HOME:-$HOME/.cache/liquibase-4.28.1}/internal/lib/liquibase-core.jar" -d "$scratch/stubs/classes" \
  $(find "$scratch/stubs/src" -name '*.java')
(cd "$scratch/stubs/classes" && jar cf "$scratch/stubs.jar" .)
rows='import csv,sys
for r in csv.reader(sys.stdin, delimiter="|"):
    if len(r) == 5: print("|".join(c.strip() for c in r))'
while read -r name resources master; do
  cd "$scratch/corpus/$resources"
  "$liquibase" --classpath="$scratch/stubs.jar" --changelog-file="$master" --url="jdbc:h2:file:$scratch/$name" \
    changelog-sync >/dev/null 2>"$scratch/err" || { cat "$scratch/err" >&2; exit 1; }
  "$liquibase" --url="jdbc:h2:file:$scratch/$name" execute-sql --sql="select FILENAME || '|' || ID || '|' || AUTHOR || \
'|' || MD5SUM || '|' || DESCRIPTION as R from DATABASECHANGELOG order by ORDEREXECUTED" 2>/dev/null |
    sed -n 's/ | $//p' | grep '|' > "$here/corpus/${name}_h2.txt"
  schema="capture_${name//-/_}"
  PGOPTIONS=--client-min-messages=warning psql -q -h $pg_host -U $pg_user -d $pg_db -c "drop schema if exists $schema cascade; create schema $schema"
  "$liquibase" --classpath="$scratch/stubs.jar" --changelog-file="$master" \
    --url="jdbc:postgresql://$pg_host:5432/$pg_db?currentSchema=$schema" --username=$pg_user --password=$PGPASSWORD \
    changelog-sync >/dev/null 2>"$scratch/err" || { cat "$scratch/err" >&2; exit 1; }
  psql -At -h $pg_host -U $pg_user -d $pg_db -c "select filename || '|' || id || '|' || author || '|' || md5sum || '|' || \
description from $schema.databasechangelog order by orderexecuted" > "$here/corpus/${name}_postgresql.txt"
  PGOPTIONS=--client-min-messages=warning psql -q -h $pg_host -U $pg_user -d $pg_db -c "drop schema $schema cascade"
done <<'LIST'
corda_finance_cash corda/finance/workflows/src/main/resources migration/cash.changelog-master.xml
corda_finance_commercial-paper corda/finance/workflows/src/main/resources migration/commercial-paper.changelog-master.xml
corda_node_common corda/node/src/main/resources migration/common.changelog-master.xml
corda_node_node-core corda/node/src/main/resources migration/node-core.changelog-master.xml
corda_node_node-info corda/node/src/main/resources migration/node-info.changelog-master.xml
corda_node_node-notary corda/node/src/main/resources migration/node-notary.changelog-master.xml
corda_node_notary-bft-smart corda/node/src/main/resources migration/notary-bft-smart.changelog-master.xml
corda_node_notary-raft corda/node/src/main/resources migration/notary-raft.changelog-master.xml
corda_node_vault-schema corda/node/src/main/resources migration/vault-schema.changelog-master.xml
ilp_connector-persistence ilp/connector-persistence/src/main/resources db/changelog-master.xml
LIST
