// Reads and matches DATABASECHANGELOG rows. Row <-> changeset matching follows Liquibase: id and
// author compared case-insensitively, FILENAME after path normalisation, case-insensitively; for
// duplicate rows the latest (by DATEEXECUTED, then ORDEREXECUTED) wins.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "migration/engine/history_row.h"
#include "migration/engine/history_sql.h"
#include "migration/model/change_log.h"

namespace ledgerhost::migration {

// Liquibase's normalizePath: strip classpath:, '\' -> '/', drop a drive letter and leading '/',
// collapse "./".
std::string NormalizeHistoryPath(const std::string& path);

class History {
 public:
  History() = default;
  explicit History(std::vector<HistoryRow> rows);

  // Reads every row (empty when the table does not exist yet).
  static History Read(db::Connection& connection, const HistorySql& sql, bool table_exists);

  const std::vector<HistoryRow>& rows() const { return rows_; }
  const HistoryRow* Find(const ChangeSet& change_set) const;
  const HistoryRow* Find(const std::string& id, const std::string& author, const std::string& filename) const;
  int MaxOrderExecuted() const;
  // What a row and a changeset are matched by: id, author and normalized path, in any case.
  static std::string Key(const std::string& id, const std::string& author, const std::string& filename);

 private:
  std::vector<HistoryRow> rows_;
  std::map<std::string, size_t> latest_by_key_;
};

}  // namespace ledgerhost::migration
