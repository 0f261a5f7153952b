#!/usr/bin/env bash
# Which identifiers Liquibase 4.28 quotes (LEGACY strategy) per database: a createTable with one
# lower-case column per candidate word, run through offline update-sql; every column printed
# quoted is a reserved word there. Output: <db>.txt, one upper-case reserved word per line.
# host/migration/sql/reserved_words.cpp is generated from these lists by generate.py.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../../.." && pwd)
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
liquibase=${LIQUIBASE:-$shared/tools/liquibase.sh}
dbs=("$@")
[[ ${#dbs[@]} -gt 0 ]] || dbs=(postgresql mysql mariadb oracle mssql sqlite h2)
for db in "${dbs[@]}"; do
  work=$(mktemp -d)
  cp "$here/keywords.xml" "$work/"
  (cd "$work" && "$liquibase" --changelog-file=keywords.xml --url="offline:$db" update-sql >"$work/out.sql")
  grep -o 'CREATE TABLE [^;]*' "$work/out.sql" | sed 's/^CREATE TABLE [^(]*(//' | tr ',' '\n' |
    sed 's/^ *//' | cut -d' ' -f1 | grep -E '^["`\[]' | tr -d '"`[]' | tr a-z A-Z | sort -u >"$here/$db.txt" || true  # none quoted (sqlite)
  rm -rf "$work"
done
