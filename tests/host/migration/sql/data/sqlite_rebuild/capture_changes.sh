#!/usr/bin/env bash
# Runs each changes/<name>.xml with real Liquibase 4.28 on a fresh SQLite file and records, in
# changes/<name>.expected, what the last changeset ("change") does:
#   # update-sql (exit N)   after update-count of the earlier changesets, the statements update-sql
#                           prints for it against the live database (or only its warning, when
#                           Liquibase refuses)
#   # update (exit N)       the database after update: sqlite_master, every row (quote()d), history
# The engine test (tests/host/migration/engine/sqlite_rebuild_test.cpp) runs the same changelogs
# with ledgerhost and compares.
#   tests/host/migration/sql/data/sqlite_rebuild/capture_changes.sh [name.xml ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../../.." && pwd)
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
liquibase=${LIQUIBASE:-$shared/tools/liquibase.sh}
cd "$here/changes"
names=("$@")
[[ ${#names[@]} -gt 0 ]] || names=(*.xml)
for name in "${names[@]}"; do
  work=$(mktemp -d)
  cp "$here/changes/$name" "$work/"
  count=$(grep -c '<changeSet ' "$name")
  (
    cd "$work"
    if [[ $count -gt 1 ]]; then
      "$liquibase" --changelog-file="$name" --url=jdbc:sqlite:"$work/db" update-count --count=$((count - 1)) >/dev/null 2>&1
    fi
    set +e
    "$liquibase" --changelog-file="$name" --url=jdbc:sqlite:"$work/db" update-sql >"$work/sql.out" 2>"$work/sql.err"
    echo $? >"$work/sql.exit"
    "$liquibase" --changelog-file="$name" --url=jdbc:sqlite:"$work/db" update >"$work/update.out" 2>&1
    echo $? >"$work/update.exit"
  )
  CAPTURE_WORK="$work" python3 - "$name" >"$here/changes/${name%.xml}.expected" <<'EOF'
import os, re, sqlite3, sys
work = os.environ["CAPTURE_WORK"]
name = sys.argv[1]
print("# update-sql (exit %s)" % ("0" if open(os.path.join(work, "sql.exit")).read().strip() == "0" else "1"))
inside = False
for line in open(os.path.join(work, "sql.out")):
    line = line.rstrip("\n")
    if line.startswith("-- Changeset %s::change::" % name):
        inside = True
        continue
    if inside and (line.startswith("INSERT INTO DATABASECHANGELOG") or line.startswith("-- Changeset ") or
                   line.startswith("-- Release Database Lock")):
        break
    if inside and line.strip():
        print(line)
print("# update (exit %s)" % ("0" if open(os.path.join(work, "update.exit")).read().strip() == "0" else "1"))
con = sqlite3.connect(os.path.join(work, "db"))
for kind, obj, table, sql in con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite%' AND "
        "tbl_name NOT LIKE 'DATABASECHANGELOG%' ORDER BY type, name"):
    print("%s %s on %s: %s" % (kind, obj, table, " ".join((sql or "").split())))
for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND "
                            "name NOT LIKE 'DATABASECHANGELOG%' ORDER BY name"):
    columns = [r[1] for r in con.execute('PRAGMA table_info("%s")' % table)]
    select = " || '|' || ".join('quote("%s")' % c for c in columns)
    for (row,) in con.execute('SELECT %s FROM "%s" ORDER BY 1' % (select, table)):
        print("row %s: %s" % (table, row))
for row in con.execute("SELECT ID, AUTHOR, EXECTYPE, MD5SUM, DESCRIPTION FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"):
    print("history: " + "|".join(str(v) for v in row))
EOF
  rm -rf "$work"
done
