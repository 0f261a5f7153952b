#!/usr/bin/env bash
# Captures what real Liquibase 4.28 prints for every column type description of types.xml (one changeset
# and table per description) and for the auto-increment/serial cases of autoincrement.xml, with
# `update-sql`:
#   expected/<db>.tsv                     description<TAB>column definition printed in CREATE TABLE (after the
#                                         column name), or "ERROR: <Liquibase's message>" when it refuses it.
#                                         Descriptions with autoIncrement="true" end in " [autoIncrement=true]".
#   expected/autoincrement.<target>.sql   the SQL of each autoincrement.xml changeset ("-- ERROR: ..." if refused)
# Targets: offline postgresql mysql mariadb oracle mssql h2 sqlite; postgresql-9.6 (offline, version 9.6: the
# serial code path, autoincrement.xml only); postgresql-live (a live PostgreSQL: update-sql against a fresh
# schema, then every printed statement is run in a rolled-back transaction to record whether the server
# accepts it: expected/postgresql-live.tsv, expected/postgresql-live-accepts.tsv
# (description<TAB>output<TAB>ok | ERROR: <server message>) and expected/autoincrement.postgresql-live.sql).
# postgresql-live is skipped (with a message) when psql or the server is not available.
#
# (The live verdicts are taken with the types my_enum and "MyEnum" created first.)
#
# A description Liquibase refuses aborts the whole run: while generating SQL or in a generator's validation
# it names the changeset (recorded, the rest re-run); in DataTypeFactory during validation it does not, so the
# changesets the message points at are tried alone, else the shortest failing prefix is binary-searched
# (validation stops at the first refused changeset). Changesets are selected by label (label = id).
# Takes about 3 minutes per target on 2 cores.
#
#   [TARGETS="postgresql h2"] tests/host/migration/sql/data/types/capture.sh
#   PostgreSQL: LEDGERHOST_PG_HOST (127.0.0.1) LEDGERHOST_PG_PORT (5432) LEDGERHOST_PG_USER (ledgerhost)
#               LEDGERHOST_PG_PASSWORD (ledgerhost) LEDGERHOST_PG_DATABASE (ledgerhost_test)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../../.." && pwd)
shared=${LEDGERHOST_SHARED_DIR:-$root/../shared}
liquibase=${LIQUIBASE:-$shared/tools/liquibase.sh}
read -r -a targets <<<"${TARGETS:-postgresql mysql mariadb oracle mssql h2 sqlite postgresql-9.6 postgresql-live}"
pg_host=${LEDGERHOST_PG_HOST:-127.0.0.1} pg_port=${LEDGERHOST_PG_PORT:-5432}
pg_user=${LEDGERHOST_PG_USER:-ledgerhost} pg_db=${LEDGERHOST_PG_DATABASE:-ledgerhost_test}
export PGPASSWORD=${LEDGERHOST_PG_PASSWORD:-ledgerhost}
pg_schema=capture_types
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$here/expected"

declare -A result   # changeset id -> SQL block (lines of the changeset) or "ERROR: message"
declare -A desc     # changeset id -> description (type description, or the changeset comment)
url= changelog= extra_args=()

# Runs Liquibase update-sql for the given changeset ids; fills result[] for those it printed; returns 1 with
# the error message in $scratch/msg when Liquibase failed.
run_ids() {
  local work labels id
  work=$(mktemp -d "$scratch/run.XXXXXX")
  cp "$here/$changelog" "$work/"
  labels=$(printf ' or %s' "$@")
  labels=${labels# or }
  # Fresh directory per run: offline mode keeps a databasechangelog.csv and would skip what "already ran".
  local rc=0
  (cd "$work" && "$liquibase" --changelog-file="$changelog" --url="$url" "${extra_args[@]}" update-sql \
    --label-filter="$labels" >"$work/stdout" 2>"$work/stderr") || rc=$?
  mkdir "$work/blocks"
  # One file per changeset with its statements, without its comment line, MSSQL's GO separators and the
  # DATABASECHANGELOG(LOCK) bookkeeping of live runs.
  awk -v dir="$work/blocks" '
    /^-- +Changeset / { split($3, p, "::"); cur = p[2]; next }
    /^-- +(\*|Release Database Lock|Lock Database|Update Database Script|Create Database)/ { cur = ""; next }
    cur != "" && $0 != "" && $0 != "GO" && $0 !~ /^--/ && tolower($0) !~ /databasechangelog/ { print > (dir "/" cur) }
  ' "$work/stdout"
  for id in "$@"; do
    if [[ -s "$work/blocks/$id" ]]; then result[$id]=$(cat "$work/blocks/$id"); fi
  done
  if [[ $rc -ne 0 ]]; then
    awk '/^Unexpected error running Liquibase: /{f=1; sub(/^Unexpected error running Liquibase: /, "")}
         /^For more information/{f=0} f' "$work/stderr" | tr '\n' ' ' | sed 's/   */ /g; s/ *$//' >"$scratch/msg"
    [[ -s "$scratch/msg" ]] || tail -3 "$work/stderr" | tr '\n' ' ' >"$scratch/msg"
    return 1
  fi
}

# Runs all changesets, isolating and recording every description Liquibase refuses, until each has a result.
process() {
  local ids=("$@") pending=() id msg
  while true; do
    pending=()
    for id in "${ids[@]}"; do [[ -v "result[$id]" ]] || pending+=("$id"); done
    [[ ${#pending[@]} -gt 0 ]] || return 0
    if run_ids "${pending[@]}"; then
      for id in "${pending[@]}"; do [[ -v "result[$id]" ]] || result[$id]="ERROR: (nothing printed)"; done
      return 0
    fi
    msg=$(cat "$scratch/msg")
    if [[ $msg == "Error parsing"* ]]; then echo "capture.sh: $changelog: $msg" >&2; exit 1; fi
    record_named_failure "$msg" || find_validation_failure "$msg" "${pending[@]}"
  done
}

# "Migration failed for changeset <file>::<id>::<author>: Reason: ..." (refused while generating SQL), or
# "Validation Failed: 1 changes have validation failures <message>, <file>::<id>::<author>" (refused by a
# generator's validation; with more than one failure the ids are isolated by find_validation_failure).
record_named_failure() {
  local re='Migration failed for changeset [^:]*::([^:]+)::[^:]*: *Reason: *(.*)$'
  local re_validation='^(Validation Failed: 1 changes have validation failures .*), [^ ]*::([^:]+)::[^:]*$'
  if [[ $1 =~ $re ]]; then
    result[${BASH_REMATCH[1]}]="ERROR: ${BASH_REMATCH[2]}"
  elif [[ $1 =~ $re_validation ]]; then
    result[${BASH_REMATCH[2]}]="ERROR: ${BASH_REMATCH[1]}"
  else
    return 1
  fi
}

# Liquibase refused one of the ids while validating the changelog, without naming it. Validation stops at the
# first refused changeset, so: try the ids the message points at alone, else binary-search the shortest
# failing prefix. Records at least one result.
find_validation_failure() {
  local msg=$1; shift
  local ids=("$@") candidates=() id token stem lo hi mid found_msg
  local re_type='^Could not find type for ([^ (]+)'
  local re_property='^Property \[([^]]+)\] was not found for object type \[.*\.([A-Za-z]+)Type\]'
  if [[ $msg =~ $re_type ]]; then
    token=${BASH_REMATCH[1],,}
    for id in "${ids[@]}"; do [[ ${desc[$id],,} == "$token"* ]] && candidates+=("$id"); done
  elif [[ $msg =~ $re_property ]]; then
    token=${BASH_REMATCH[1],,} stem=${BASH_REMATCH[2],,}   # e.g. autoincrement, varchar
    for id in "${ids[@]}"; do
      [[ ${desc[$id],,} == *"$token"* && ${desc[$id],,} == *"$stem"* ]] && candidates+=("$id")
    done
  fi
  for id in "${candidates[@]}"; do
    if run_ids "$id"; then continue; fi
    found_msg=$(cat "$scratch/msg")
    record_named_failure "$found_msg" || result[$id]="ERROR: $found_msg"
    return 0
  done
  lo=1 hi=${#ids[@]} found_msg=$msg   # the prefix of length hi fails validation
  while [[ $lo -lt $hi ]]; do
    mid=$(( (lo + hi) / 2 ))
    if run_ids "${ids[@]:0:mid}"; then
      lo=$((mid + 1))
    elif record_named_failure "$(cat "$scratch/msg")"; then
      lo=$((mid + 1))
    else
      hi=$mid found_msg=$(cat "$scratch/msg")
    fi
  done
  id=${ids[hi-1]}
  if [[ $found_msg == "Validation Failed:"* && $found_msg != "Validation Failed: 1 changes"* ]]; then
    # Several changesets failed validation together: take the message of this one alone.
    if run_ids "$id"; then return 0; fi
    found_msg=$(cat "$scratch/msg")
    record_named_failure "$found_msg" && return 0
  fi
  result[$id]="ERROR: $found_msg"
}

changeset_ids() { sed -n 's/^ *<changeSet id="\([^"]*\)".*/\1/p' "$here/$1"; }

# id<TAB>description from types.xml (XML entities undone; autoIncrement marked).
descriptions() {
  sed -n 's/^ *<changeSet id="\([^"]*\)".*<column name="c" type="\([^"]*\)"\( autoIncrement="true"\)\{0,1\}\/>.*/\1\t\2\t\3/p' \
    "$here/types.xml" |
    sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&apos;/'"'"'/g; s/&amp;/\&/g' |
    awk -F '\t' '{ print $1 "\t" $2 ($3 != "" ? " [autoIncrement=true]" : "") }'
}

# The column definition of `c` in the CREATE TABLE of a block, plus any further statement after " ;; ".
column_definition() {
  local block=$1 first rest
  if [[ $block == ERROR:* ]]; then printf '%s' "$block"; return; fi
  first=$(grep -m1 '^CREATE TABLE ' <<<"$block" || true)
  rest=$(grep -v '^CREATE TABLE ' <<<"$block" | tr '\n' ' ' | sed 's/ *$//' || true)
  first=$(sed 's/^CREATE TABLE [^ ]* (\(c\|"c"\|\[c\]\|`c`\) \(.*\));$/\2/' <<<"$first")
  printf '%s' "$first${rest:+ ;; $rest}"
}

capture_types() {   # $1 = output name
  local ids id description
  result=()
  changelog=types.xml
  mapfile -t ids < <(changeset_ids types.xml)
  desc=()
  while IFS=$'\t' read -r id description; do desc[$id]=$description; done < <(descriptions)
  process "${ids[@]}"
  while IFS=$'\t' read -r id description; do
    printf '%s\t%s\n' "$description" "$(column_definition "${result[$id]:-ERROR: (nothing printed)}")"
  done < <(descriptions) >"$here/expected/$1.tsv"
}

capture_autoincrement() {   # $1 = output name
  local ids id
  result=()
  changelog=autoincrement.xml
  mapfile -t ids < <(changeset_ids autoincrement.xml)
  desc=()
  for id in "${ids[@]}"; do
    desc[$id]=$(sed -n "s/.*<changeSet id=\"$id\".*<comment>\(.*\)<\/comment>.*/\1/p" "$here/autoincrement.xml")
  done
  process "${ids[@]}"
  for id in "${ids[@]}"; do
    echo "-- $id: ${desc[$id]}"
    local block=${result[$id]:-ERROR: (nothing printed)}
    if [[ $block == ERROR:* ]]; then echo "-- $block"; else printf '%s\n' "$block"; fi
    echo
  done >"$here/expected/autoincrement.$1.sql"
}

psql_run() {   # runs SQL from stdin against the test database; prints "ok" or "ERROR: <server message>"
  local out
  if out=$(PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" \
      -U "$pg_user" -d "$pg_db" 2>&1 >/dev/null); then
    echo ok
  else
    echo "ERROR: $(grep -m1 'ERROR:' <<<"$out" | sed 's/^.*ERROR: *//')"
  fi
}

capture_live() {
  if ! command -v psql >/dev/null || ! psql -X -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" -c 'select 1' \
      >/dev/null 2>&1; then
    echo "capture.sh: no PostgreSQL at $pg_host:$pg_port (or no psql): skipping postgresql-live" >&2
    return 0
  fi
  local reset="drop schema if exists $pg_schema cascade; create schema $pg_schema;"
  url="jdbc:postgresql://$pg_host:$pg_port/$pg_db?currentSchema=$pg_schema"
  extra_args=(--username="$pg_user" --password="$PGPASSWORD")
  psql_run <<<"$reset" >/dev/null
  capture_types postgresql-live
  # Strip the schema qualification the live run prints, so the file compares with the offline one.
  sed -i "s/\b$pg_schema\.//g" "$here/expected/postgresql-live.tsv"
  psql_run <<<"$reset" >/dev/null
  local id description block verdict stmt
  while IFS=$'\t' read -r id description; do
    block=${result[$id]:-ERROR: (nothing printed)}
    if [[ $block == ERROR:* ]]; then
      verdict="(not run)"
    else
      # Two user-defined types exist, so that only the spelling Liquibase prints decides the verdict.
      verdict=$(printf 'set search_path = %s;\nbegin;\n%s\n%s\nrollback;\n' "$pg_schema" \
        "create type my_enum as enum ('a', 'b'); create type \"MyEnum\" as enum ('a', 'b');" "$block" | psql_run)
    fi
    printf '%s\t%s\t%s\n' "$description" "$(column_definition "$block" | sed "s/\b$pg_schema\.//g")" "$verdict"
  done < <(descriptions) >"$here/expected/postgresql-live-accepts.tsv"
  psql_run <<<"$reset" >/dev/null
  capture_autoincrement postgresql-live
  local out="$here/expected/autoincrement.postgresql-live.sql" tmp="$scratch/ai.sql"
  : >"$tmp"
  for id in $(changeset_ids autoincrement.xml); do
    block=${result[$id]:-ERROR: (nothing printed)}
    [[ $block == ERROR:* ]] && continue
    verdict=$(printf 'set search_path = %s;\nbegin;\ncreate table base (x int);\n%s\nrollback;\n' "$pg_schema" "$block" |
      psql_run)
    printf '%s\t%s\n' "$id" "$verdict" >>"$tmp"
  done
  # Add the server's verdict under each block, drop the schema qualification.
  local version
  version=$(psql -X -At -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" -c 'show server_version' | cut -d' ' -f1)
  awk -v schema="$pg_schema." -v version="$version" 'NR == FNR { split($0, f, "\t"); v[f[1]] = f[2]; next }
    { gsub(schema, "") }
    match($0, /^-- [a-z][0-9]+:/) { id = substr($0, 4, RLENGTH - 4) }
    $0 == "" && id in v { print "-- PostgreSQL " version " server: " v[id]; delete v[id] }
    { print }' "$tmp" "$out" >"$out.new"
  mv "$out.new" "$out"
  psql_run <<<"drop schema if exists $pg_schema cascade;" >/dev/null
  url= extra_args=()
}

for target in "${targets[@]}"; do
  echo "capture.sh: $target" >&2
  case $target in
    postgresql-live) capture_live ;;
    postgresql-9.6)
      url="offline:postgresql?version=9.6"
      capture_autoincrement postgresql-9.6 ;;
    *)
      url="offline:$target"
      capture_types "$target"
      capture_autoincrement "$target" ;;
  esac
done
