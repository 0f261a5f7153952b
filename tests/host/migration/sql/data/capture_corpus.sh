#!/usr/bin/env bash
# Captures real Liquibase 4.28 `update-sql` (offline, change SQL only) for the Corda and ILP master
# changelogs of ../shared/corpus (beside the checkout) on several databases, into corpus/<name>.<db>.sql (or .error
# when Liquibase refuses). corpus_test in liquibase_capture_test.cpp compares the generator with them.
#
#   [DATABASES="postgresql oracle"] tests/host/migration/sql/data/capture_corpus.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
corpus=${CORPUS:-$shared/corpus}
liquibase=${LIQUIBASE:-$shared/tools/liquibase.sh}
read -r -a databases <<<"${DATABASES:-postgresql oracle mssql mysql}"
mkdir -p "$here/corpus"
# corpus/masters.txt: name, resource root (relative to the corpus), changelog (relative to the root).
mapfile -t masters < <(grep -v '^#' "$here/corpus/masters.txt")
for entry in "${masters[@]}"; do
  read -r name root changelog <<<"$entry"
  for db in "${databases[@]}"; do
    work=$(mktemp -d)
    cp -r "$corpus/$root/." "$work/"
    out="$here/corpus/$name.$db"
    rm -f "$out.sql" "$out.error"
    if (cd "$work" && "$liquibase" --changelog-file="$changelog" --url="offline:$db" update-sql >"$work/stdout" 2>"$work/stderr"); then
      sed -n '/^--  *Changeset /,$p' "$work/stdout" >"$out.sql"
    else
      # A crash of Liquibase itself (offline PostgreSQL casts its OfflineConnection to a JDBC one for
      # some changes) is not a refusal to compare with: keep nothing.
      if ! grep -q ClassCastException "$work/stderr"; then
        grep -v '^\(Starting Liquibase\|Liquibase Version\|Liquibase Open Source\|$\)' "$work/stderr" | head -60 >"$out.error" || true
      fi
    fi
    rm -rf "$work"
  done
done
