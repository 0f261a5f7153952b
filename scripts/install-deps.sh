#!/usr/bin/env bash
# Installs every Debian package ledgerhost needs to build, test and benchmark. Idempotent:
# packages already present are left alone, and apt-get update runs only when something is missing.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-dev libboost-filesystem-dev libsoci-dev libsqlite3-dev libpq-dev
  libyaml-cpp-dev libspdlog-dev libfmt-dev libssl-dev libpugixml-dev libcli11-dev libhiredis-dev
  # the node's /health and /metrics endpoint (host/monitoring)
  libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev libicu-dev
  # RE2: regular expressions over unbounded input (changelog lines) without recursion
  libre2-dev
  # the parsers' fuzz targets: clang with libFuzzer (scripts/fuzz.sh)
  clang libclang-rt-14-dev
  sqlite3 postgresql postgresql-client python3
  # MariaDB: the mariadb/mysql backend (SOCI's mysql backend on libmariadb) and the server the tests
  # start on 127.0.0.1:3306 (scripts/start-mariadb.sh)
  libmariadb-dev mariadb-server mariadb-client
  # the balance tracker's Redis store: Redis 7 (Functions), started by scripts/start-redis.sh
  redis-server redis-tools
  # the plugin signature tests sign with the openssl command line
  openssl
  # real Liquibase for the compatibility suite and benchmarks (../shared/tools/liquibase.sh); the JDK,
  # not only the JRE: the suite's Liquibase server (tests/compat/LiquibaseServer.java) runs from source
  openjdk-17-jdk-headless libslf4j-java
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo_cmd=""
[[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
if ((${#missing[@]})); then
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The compatibility suite installs Liquibase from the npm registry: npm must exist.
if ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends npm
fi
