// calculate-checksum, clear-checksums, release-locks, list-locks, drop-all, execute-sql.
#include <algorithm>
#include <chrono>
#include <regex>

#include "core/error.h"
#include "core/logging.h"
#include "core/text.h"
#include "migration/change/change_type.h"
#include "migration/checksum/check_sum.h"
#include "migration/engine/lock_service.h"
#include "migration/engine/migrator_internal.h"
#include "migration/engine/precondition_evaluator.h"
#include "migration/engine/statement_sink.h"
#include "migration/model/sql_splitter.h"
#include "db/transaction.h"

namespace ledgerhost::migration {

using namespace migrator_detail;  // NOLINT: the migrator's own helpers

std::string Migrator::ExecuteSql(const std::string& sql, const std::optional<std::string>& delimiter) {
  db::Connection& connection = RequireConnection("execute-sql");
  // Liquibase's ExecuteSqlCommandStep: a statement is a query when its lower-case text matches
  // "\s*select .*" ('.' stops at a line end, so a multi-line SELECT is executed, not listed).
  static const std::regex kQuery(R"(\s*select .*)");
  std::string out;
  db::Transaction transaction(connection);
  for (const std::string& statement : SplitSql(sql, true, true, delimiter)) {
    if (std::regex_match(Lower(statement), kQuery)) {
      const auto rows = connection.Query(statement);
      out += "Output of " + statement + ":\n";
      if (rows.empty()) {
        out += "-- Empty Resultset --\n";
      } else {
        // Liquibase keeps a label's case only where the JDBC driver calls identifiers case-sensitive:
        // pgjdbc does not, so PostgreSQL's headers are upper-cased (checked against Liquibase 4.28).
        for (const auto& name : connection.column_names()) {
          out += (database_ == db::DatabaseKind::kPostgresql ? text::Upper(name) : name) + " | ";
        }
        if (!out.empty() && out.back() == ' ') out.pop_back();
        out += "\n";
        for (const auto& row : rows) {
          for (const auto& value : row) out += value.value_or("null") + " | ";
          out += "\n";
        }
      }
    } else {
      connection.Execute(statement);
      out += "Successfully Executed: " + statement + "\n";
    }
    out += "\n";
  }
  transaction.Commit();
  return out;
}

void Migrator::ClearCheckSums() {
  db::Connection& connection = RequireConnection("clear-checksums");
  if (connection.TableExists(sql_.ChangeLogTable())) connection.Execute(sql_.ClearCheckSums());
}

std::string Migrator::CalculateCheckSum(const std::string& path, const std::string& id, const std::string& author) {
  for (const ChangeSet* change_set : change_sets_) {
    const ChangeSet& cs = *change_set;
    if (cs.file_path != path || cs.id != id || cs.author != author) continue;
    const History history = ReadHistory();
    const HistoryRow* row = history.Find(cs);
    if (row != nullptr && row->md5sum && CheckSumVersionOf(*row->md5sum) == 8) {
      return ComputeCheckSum(cs, CheckSumVersion::kV8, database_, LoaderOf(cs));
    }
    return CheckSumOf(cs);
  }
  throw ChangeLogError("No such changeSet identified by changeSet id: " + id + ", author: " + author + ", path: " + path);
}

void Migrator::ReleaseLocks() {
  db::Connection& connection = RequireConnection("release-locks");
  LockService(connection, sql_, options_.lock).ForceRelease();
}

std::optional<LockService::Holding> Migrator::ListLocks() {
  return LockService(RequireConnection("list-locks"), sql_, options_.lock).CurrentHolding();
}

void Migrator::DropAll() {
  db::Connection& connection = RequireConnection("drop-all");
  connection.DropAllObjects();
}

}  // namespace ledgerhost::migration
