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
    case db::DatabaseKind::kMysql:
      return ReadMariadbSnapshot(connection);
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
