#!/usr/bin/env bash
# Starts a MariaDB server on 127.0.0.1:3306 with a data directory of its own (Debian's mariadb-server;
# its system service is not used) and makes sure the test user and database exist: user ledgerhost /
# password ledgerhost, database ledgerhost_test; the user may create further databases, so tests can
# isolate themselves. Idempotent.
#   LEDGERHOST_MARIADB_DIR=DIR   data directory (default: /var/tmp/ledgerhost-mariadb)
set -euo pipefail
dir=${LEDGERHOST_MARIADB_DIR:-/var/tmp/ledgerhost-mariadb}
socket=$dir/mariadb.sock
client() { mariadb --protocol=socket --socket="$socket" -uroot "$@"; }
if ! client -e 'select 1' >/dev/null 2>&1; then
  # Debian's own service, where installing the package started it, holds port 3306.
  if [[ -S /run/mysqld/mysqld.sock ]] && command -v service >/dev/null; then
    service mariadb stop >/dev/null 2>&1 || true
  fi
  if [[ ! -d $dir/mysql ]]; then
    mkdir -p "$dir"
    mariadb-install-db --user=root --datadir="$dir" --auth-root-authentication-method=socket \
      --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
  fi
  # A test server: no fsync (a crash loses nothing a test needs), so DDL-heavy suites run at CPU speed.
  setsid mariadbd --user=root --datadir="$dir" --socket="$socket" --pid-file="$dir/mariadb.pid" \
    --port=3306 --bind-address=127.0.0.1 --skip-name-resolve --log-error="$dir/error.log" \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-flush-method=nosync --skip-log-bin \
    </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 60); do client -e 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
  client -e 'select 1' >/dev/null || { tail -n 20 "$dir/error.log" >&2; exit 1; }
fi
client <<'SQL'
CREATE USER IF NOT EXISTS 'ledgerhost'@'127.0.0.1' IDENTIFIED BY 'ledgerhost';
CREATE USER IF NOT EXISTS 'ledgerhost'@'localhost' IDENTIFIED BY 'ledgerhost';
GRANT ALL PRIVILEGES ON *.* TO 'ledgerhost'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'ledgerhost'@'localhost';
CREATE DATABASE IF NOT EXISTS ledgerhost_test;
SQL
echo "mariadb on 127.0.0.1:3306 (database ledgerhost_test, user ledgerhost)"
