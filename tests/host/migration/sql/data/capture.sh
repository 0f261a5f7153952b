#!/usr/bin/env bash
# Captures what real Liquibase 4.28 prints for `update-sql` (default offline mode: change SQL only)
# for every case changelog in cases/ on every database. The SQL generator tests compare against
# these files. When Liquibase refuses a case on a database, its error message is kept instead
# (<case>.<db>.error).
#
#   [DATABASES="sqlite h2"] tests/host/migration/sql/data/capture.sh [case.xml ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
liquibase=${LIQUIBASE:-$shared/tools/liquibase.sh}
read -r -a databases <<<"${DATABASES:-postgresql mysql mariadb oracle mssql sqlite h2}"
mkdir -p "$here/expected"
cd "$here/cases"
cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(*.xml)
for case in "${cases[@]}"; do
  name=${case%.xml}
  for db in "${databases[@]}"; do
    work=$(mktemp -d)
    cp -r "$here/cases/." "$work/"
    out="$here/expected/$name.$db"
    rm -f "$out.sql" "$out.error"
    # A fresh databasechangelog.csv per run: otherwise offline mode thinks everything already ran.
    if (cd "$work" && "$liquibase" --changelog-file="$case" --url="offline:$db" update-sql >"$work/stdout" 2>"$work/stderr"); then
      # Drop the banner lines that carry the run time; keep everything from the first changeset on.
      sed -n '/^--  *Changeset /,$p' "$work/stdout" >"$out.sql"
    else
      grep -v '^\(Starting Liquibase\|Liquibase Version\|Liquibase Open Source\|$\)' "$work/stderr" | head -60 >"$out.error" || true
    fi
    rm -rf "$work"
  done
done
