#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1:5432 (Debian's cluster) and makes sure the test role and
# database exist: role ledgerhost / password ledgerhost, database ledgerhost_test (the role may
# create further databases, so tests can isolate themselves). Idempotent.
set -euo pipefail
if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  pg_createcluster "$version" main >/dev/null
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -n1)
if [[ $status != online* ]]; then
  pg_ctlcluster "$version" "$cluster" start
fi
run_psql() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtA $*"; }
for _ in $(seq 1 30); do run_psql "-c 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
if [[ $(run_psql "-c \"select 1 from pg_roles where rolname='ledgerhost'\"") != 1 ]]; then
  run_psql "-c \"create role ledgerhost login createdb password 'ledgerhost'\""
fi
if [[ $(run_psql "-c \"select 1 from pg_database where datname='ledgerhost_test'\"") != 1 ]]; then
  run_psql "-c 'create database ledgerhost_test owner ledgerhost'"
fi
echo "postgresql on 127.0.0.1:$port (database ledgerhost_test, role ledgerhost)"
