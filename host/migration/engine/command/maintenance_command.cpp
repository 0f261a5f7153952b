// calculate-checksum, clear-checksums, release-locks, list-locks, drop-all, execute-sql.
#include <algorithm>
#include <chrono>
#include <cctype>
#include <optional>
#include <string_view>

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

namespace {

// Liquibase's ExecuteSqlCommandStep: a statement is a query when its lower-case text matches
// "\s*select .*", and Java's '.' stops at a line end, so a multi-line SELECT is executed, not listed.
// (A loop, not std::regex, which recurses per character on a long statement.)
bool IsOneLineSelect(const std::string& statement) {
  size_t i = 0;
  while (i < statement.size() && std::isspace(static_cast<unsigned char>(statement[i]))) ++i;
  if (Lower(std::string_view(statement).substr(i, 7)) != "select ") return false;
  for (size_t j = i; j < statement.size(); ++j) {
    const unsigned char c = static_cast<unsigned char>(statement[j]);
    if (c == '\n' || c == '\r') return false;
    // U+0085, U+2028, U+2029 in UTF-8: Java's other line terminators.
    if (c == 0xC2 && j + 1 < statement.size() && static_cast<unsigned char>(statement[j + 1]) == 0x85) return false;
    if (c == 0xE2 && j + 2 < statement.size() && static_cast<unsigned char>(statement[j + 1]) == 0x80 &&
        (static_cast<unsigned char>(statement[j + 2]) == 0xA8 || static_cast<unsigned char>(statement[j + 2]) == 0xA9)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string Migrator::ExecuteSql(const std::string& sql, const std::optional<std::string>& delimiter) {
  db::Connection& connection = RequireConnection("execute-sql");
  std::string out;
  // As Liquibase's connection (autoCommit off): one transaction, which on MySQL/MariaDB a DDL
  // statement commits and the server begins anew, so a failure still undoes what came after it.
  const bool mysql = database_ == db::DatabaseKind::kMariadb || database_ == db::DatabaseKind::kMysql;
  std::optional<db::Transaction> transaction;
  if (mysql) {
    connection.Execute("SET autocommit = 0");
  } else {
    transaction.emplace(connection);
  }
  try {
    out = ExecuteStatements(connection, SplitSql(sql, true, true, delimiter));
  } catch (...) {
    if (mysql) {
      try {
        connection.Execute("ROLLBACK");
        connection.Execute("SET autocommit = 1");
      } catch (const Error& e) {
        Logger("migration")->warn("execute-sql: undoing after the failure failed too: {}", e.what());
      }
    }
    throw;
  }
  if (mysql) {
    connection.Execute("COMMIT");
    connection.Execute("SET autocommit = 1");
  } else {
    transaction->Commit();
  }
  return out;
}

std::string Migrator::ExecuteStatements(db::Connection& connection, const std::vector<std::string>& statements) const {
  std::string out;
  for (const std::string& statement : statements) {
    if (IsOneLineSelect(statement)) {
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
