#include "snapshot/snapshot_reader.h"

#include "core/error.h"
#include "core/text.h"

namespace ledgerhost::snapshot {

bool IsHistoryTable(const std::string& name) {
  const std::string upper = text::Upper(name);
  return upper == "DATABASECHANGELOG" || upper == "DATABASECHANGELOGLOCK";
}

DatabaseSnapshot ReadSnapshot(db::Connection& connection) {
  switch (connection.kind()) {
    case db::DatabaseKind::kPostgresql:
      return ReadPostgresqlSnapshot(connection);
    case db::DatabaseKind::kSqlite:
      return ReadSqliteSnapshot(connection);
    case db::DatabaseKind::kMariadb:
      return ReadMariadbSnapshot(connection);
    case db::DatabaseKind::kMysql:  // MySQL's information_schema differs (check constraints, unquoted defaults)
      throw ConfigError(connection.description() + ": snapshot, diff and generate-changelog read SQLite, PostgreSQL "
                        "and MariaDB catalogs; MySQL's is not read yet (a mariadb:// URL to a MariaDB server is)");
    default:
      throw ConfigError(connection.description() + ": ledgerhost reads no catalog of " +
                        std::string(db::ShortName(connection.kind())));
  }
}

const Column* Table::FindColumn(const std::string& column) const {
  for (const auto& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

const Table* DatabaseSnapshot::FindTable(const std::string& table) const {
  for (const auto& t : tables) {
    if (t.name == table) return &t;
  }
  return nullptr;
}

}  // namespace ledgerhost::snapshot
