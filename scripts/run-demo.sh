#!/usr/bin/env bash
# The host's main job on the embedded default (SQLite) with the sample plugins, as an operator runs it:
#  1. build ledgerhost and the sample plugins, lay out a node base directory (demo-node/);
#  2. show what loads;
#  3. refuse to start while migrations are pending;
#  4. write the SQL a DBA would review (--just-generate-db-migration), without touching the database;
#  5. apply the migrations (--just-run-db-migration) and show the history;
#  6. start the node: vault + services (the IOU service records IOUs and queries them), stop it with SIGINT;
#  7. show the vault's rows, `db status` and `db check`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEDGERHOST_BUILD_TESTS=OFF -DLEDGERHOST_BUILD_BENCH=OFF
cmake --build build -j"$(nproc)"

base=$root/demo-node
rm -rf "$base"
mkdir -p "$base/plugins"
# The sample plugins; not the first-party ilp-connector, whose Java changelog needs PostgreSQL (on
# SQLite it fails as it does under Liquibase: docs/balances.md).
for plugin in build/plugins/*.so; do
  [[ $(basename "$plugin") == libilp-connector.so ]] || cp "$plugin" "$base/plugins/"
done
cat > "$base/node.yaml" <<'YAML'
legalName: "O=Demo Bank, L=London, C=GB"
database:
  runMigration: false          # the node refuses to start with pending migrations
plugins:
  config:
    iou:
      issueOnStart: "3"        # the IOU service records 3 IOUs when it starts
schemas:
  com.example.schemas.CommercialPaperSchema:
    tablePrefix: demo_         # this family's tables are created and written as demo_*
monitoring:
  port: 0                      # GET /health and /metrics on a free loopback port
YAML
lh="$root/build/bin/ledgerhost"
step() { printf '\n== %s\n' "$*"; }

step "plugins found in $base/plugins"
"$lh" plugins --base-directory "$base"

step "starting with pending migrations: the node refuses"
if "$lh" --base-directory "$base"; then echo "unexpected: the node started"; exit 1; fi

step "generating the SQL for a DBA (the database is not touched)"
# On SQLite the script is rehearsed on a scratch copy of the database (an empty one here), so even the
# changes SQLite makes by rebuilding a table are in it; the database itself is not touched.
(cd "$base" && "$lh" --base-directory "$base" --just-generate-db-migration migration.sql)
grep -c '^CREATE TABLE' "$base/migration.sql" | sed 's/^/CREATE TABLE statements in migration.sql: /'
echo "the IOU plugin's v2 (add-iou-currency) in it:"
sed -n '/^-- Changeset .*add-iou-currency/,/^INSERT INTO DATABASECHANGELOG/p' "$base/migration.sql"
test ! -e "$base/ledgerhost.db" && echo "ledgerhost.db still does not exist: generating touched nothing"

step "applying the migrations"
"$lh" --base-directory "$base" --just-run-db-migration
"$lh" db history --base-directory "$base"

step "starting the node (stopped with SIGINT after it is up)"
log="$base/node.log"
"$lh" --base-directory "$base" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q "Node started" "$log" && break; sleep 0.1; done
address=$(sed -n 's/^Health and metrics on \(http:[^ ]*\) .*/\1/p' "$log")
step "GET $address/health and some of /metrics while it runs"
python3 - "$address" <<'PY'
import sys, urllib.request
base = sys.argv[1]
print(urllib.request.urlopen(base + "/health").read().decode().strip())
wanted = ("ledgerhost_node_state{", "ledgerhost_migration_changesets_applied_total", "ledgerhost_vault_states_recorded_total",
          "ledgerhost_service_up{")
for line in urllib.request.urlopen(base + "/metrics").read().decode().splitlines():
    if line.startswith(wanted):
        print(line)
PY
kill -INT "$pid"
wait "$pid"
cat "$log"

step "the vault: states and the IOU rows (parties by X.500 name only)"
sqlite3 -header -column "$base/ledgerhost.db" \
  "SELECT v.transaction_id, v.output_index, v.contract_state_class_name, v.state_status, i.lender, i.borrower, i.value
   FROM vault_states v JOIN iou_states i USING (transaction_id, output_index)"
step "tables"
sqlite3 "$base/ledgerhost.db" .tables
step "db status and db check"
"$lh" db status --base-directory "$base"
"$lh" db check --base-directory "$base"
