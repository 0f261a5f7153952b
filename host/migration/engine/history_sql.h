// The SQL of Liquibase's bookkeeping statements (DATABASECHANGELOG, DATABASECHANGELOGLOCK) per
// database, exactly as Liquibase 4.28 generates them (liquibase-spec.md §2, Appendix B). Pure text:
// update executes these and update-sql prints them.
#pragma once

#include <string>
#include <vector>

#include "migration/engine/history_row.h"
#include "db/database_kind.h"

namespace ledgerhost::migration {

class HistorySql {
 public:
  // `live`: against a database, not offline. Liquibase names the tables on MySQL/MariaDB as the
  // connection's case-sensitivity says: DATABASECHANGELOG against a server (whose table names are
  // case-sensitive on Linux), databasechangelog offline.
  explicit HistorySql(db::DatabaseKind kind, bool live = false) : kind_(kind), live_(live) {}

  std::string ChangeLogTable() const;  // databasechangelog | DATABASECHANGELOG | PUBLIC.DATABASECHANGELOG
  std::string LockTable() const;
  std::string CurrentTimeFunction() const;

  std::string CreateChangeLogTable() const;
  std::string CreateLockTable() const;
  std::vector<std::string> InitializeLockTable() const;
  std::string Lock(const std::string& locked_by) const;
  std::string Unlock() const;
  std::string SelectLocked() const;
  std::string SelectRows() const;
  std::string SelectMaxOrderExecuted() const;

  // A new row (EXECUTED / MARK_RAN): DATEEXECUTED is the database's current time.
  std::string Insert(const HistoryRow& row) const;
  // RERAN: the existing row is rewritten in place.
  std::string UpdateReran(const HistoryRow& row) const;
  std::string Delete(const std::string& id, const std::string& author, const std::string& filename) const;
  std::string UpdateCheckSum(const std::string& id, const std::string& author, const std::string& filename,
                             const std::string& md5sum) const;
  std::string ClearCheckSums() const;
  std::string TagLatest(const std::string& tag) const;

  std::string Boolean(bool value) const;
  std::string Literal(const std::string& value) const;  // quoted string
  std::string Literal(const std::optional<std::string>& value) const;  // NULL when absent

 private:
  std::string DescriptionColumn() const;

  db::DatabaseKind kind_;
  bool live_ = false;
};

}  // namespace ledgerhost::migration
