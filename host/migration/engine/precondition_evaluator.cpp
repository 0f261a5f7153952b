#include "migration/engine/precondition_evaluator.h"

#include <algorithm>

#include "core/error.h"
#include "db/database_kind.h"
#include "core/text.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {
namespace {

// A condition that did not hold; carries Liquibase's wording.
struct ConditionFailed {
  std::string message;
};

using text::Trim;

std::string Attr(const Precondition& p, const std::string& name) {
  auto it = p.attributes.find(name);
  return it == p.attributes.end() ? std::string() : it->second;
}

}  // namespace

bool PreconditionEvaluator::Check(const Precondition& p) const {
  const std::string& type = p.type;
  auto require = [&](bool holds, const std::string& message) {
    if (!holds) throw ConditionFailed{message};
    return true;
  };
  if (type == "and") {
    for (const auto& child : p.children) Check(child);
    return true;
  }
  if (type == "or") {
    std::string messages;
    for (const auto& child : p.children) {
      try {
        Check(child);
        return true;
      } catch (const ConditionFailed& failed) {
        messages += (messages.empty() ? "" : "; ") + failed.message;
      }
    }
    throw ConditionFailed{"none of the alternatives holds: " + messages};
  }
  if (type == "not") {
    for (const auto& child : p.children) {
      bool holds = true;
      try {
        Check(child);
      } catch (const ConditionFailed&) {
        holds = false;
      }
      require(!holds, "Not precondition failed: " + child.type + " holds");
    }
    return true;
  }
  if (type == "dbms") {
    return require(db::DbmsMatches(Attr(p, "type"), ShortName(database_)),
                   "DBMS Precondition failed: expected " + Attr(p, "type") + ", got " + std::string(ShortName(database_)));
  }
  if (type == "expectedQuotingStrategy") {
    return require(Attr(p, "strategy") == Attr(p, "resolved.changelog"), "Quoting strategy Precondition failed: expected " +
                                                                             Attr(p, "strategy") + ", got " +
                                                                             Attr(p, "resolved.changelog"));
  }
  if (type == "changeSetExecuted") {
    const std::string file = Attr(p, "changeLogFile");
    bool found = false;
    auto look_in = [&](const std::vector<HistoryRow>& rows) {
      for (const auto& row : rows) {
        if (row.id == Attr(p, "id") && row.author == Attr(p, "author") &&
            (file.empty() || NormalizeHistoryPath(row.filename) == NormalizeHistoryPath(file))) {
          found = true;
        }
      }
    };
    look_in(history_.rows());
    if (ran_this_run_ != nullptr) look_in(*ran_this_run_);
    return require(found, "Changeset " + file + "::" + Attr(p, "id") + "::" + Attr(p, "author") + " has not been executed");
  }
  if (type == "changeLogPropertyDefined") {
    // ChangeLogPropertyDefinedPrecondition, on the value the parser resolved.
    const std::string property = Attr(p, "property");
    if (Attr(p, "resolved.defined") != "true") return require(false, "Changelog property '" + property + "' was not set");
    const std::string actual = Attr(p, "resolved.value");
    if (p.attributes.count("value") && actual != Attr(p, "value")) {
      return require(false, "Expected changelog property '" + property + "' to have a value of '" + Attr(p, "value") +
                                "'. Got '" + actual + "'");
    }
    return true;
  }
  if (connection_ == nullptr) {
    throw DatabaseError("precondition " + type + " needs a database connection");
  }
  db::Connection& db = *connection_;
  if (type == "runningAs") {
    // RunningAsPrecondition: the connection's user up to any '@', compared ignoring case. SQLite's
    // driver has no user, so it never holds there.
    const std::optional<std::string> logged_in = db.UserName();
    std::string user = logged_in.value_or("null");
    if (auto at = user.find('@'); at != std::string::npos) user.resize(at);
    const bool holds = logged_in.has_value() && text::Lower(Attr(p, "username")) == text::Lower(user);
    return require(holds, "RunningAs Precondition failed: expected " + Attr(p, "username") + ", was " + user);
  }
  if (type == "tableExists") {
    return require(db.TableExists(Attr(p, "tableName")), "Table " + Attr(p, "tableName") + " does not exist");
  }
  if (type == "viewExists") {
    return require(db.ViewExists(Attr(p, "viewName")), "View " + Attr(p, "viewName") + " does not exist");
  }
  if (type == "columnExists") {
    return require(db.ColumnExists(Attr(p, "tableName"), Attr(p, "columnName")),
                   "Column " + Attr(p, "tableName") + "." + Attr(p, "columnName") + " does not exist");
  }
  if (type == "indexExists") {
    const std::string columns = Trim(Attr(p, "columnNames"));
    return require(db.IndexExists(Attr(p, "indexName"), Attr(p, "tableName"), columns),
                   "Index " + Attr(p, "indexName") + (columns.empty() ? "" : " on columns " + columns) + " does not exist");
  }
  if (type == "sequenceExists") {
    return require(db.SequenceExists(Attr(p, "sequenceName")), "Sequence " + Attr(p, "sequenceName") + " does not exist");
  }
  if (type == "foreignKeyConstraintExists") {
    return require(db.ForeignKeyExists(Attr(p, "foreignKeyName"), Attr(p, "foreignKeyTableName")),
                   "Foreign Key " + Attr(p, "foreignKeyName") + " does not exist");
  }
  if (type == "primaryKeyExists") {
    return require(db.PrimaryKeyExists(Attr(p, "primaryKeyName"), Attr(p, "tableName")),
                   "Primary Key " + Attr(p, "primaryKeyName") + " does not exist");
  }
  if (type == "uniqueConstraintExists") {
    const std::string name = Trim(Attr(p, "constraintName"));
    const std::string columns = Trim(Attr(p, "columnNames"));
    return require(db.UniqueConstraintExists(name, Attr(p, "tableName"), columns),
                   "Unique Constraint Exists Precondition: " + name + " on " + Attr(p, "tableName") +
                       (columns.empty() ? "" : " columns " + columns) + " does not exist");
  }
  if (type == "sqlCheck") {
    std::string sql = Trim(p.text.empty() ? Attr(p, "sql") : p.text);
    while (!sql.empty() && sql.back() == ';') sql = Trim(sql.substr(0, sql.size() - 1));
    const std::string expected = Attr(p, "expectedResult");
    const std::string actual = db.QueryScalar(sql).value_or("null");
    return require(actual == expected,
                   "SQL Precondition failed.  Expected '" + expected + "' got '" + actual + "'");
  }
  if (type == "rowCount" || type == "tableIsEmpty") {
    const std::string table = Attr(p, "tableName");
    if (!db.TableExists(table)) throw DatabaseError("table " + table + " does not exist");
    const std::string count = db.QueryScalar("SELECT COUNT(*) FROM " + QuoteIdentifier(table, database_)).value_or("0");
    const std::string expected = type == "tableIsEmpty" ? "0" : Attr(p, "expectedRows");
    return require(count == expected, "Table " + table + " has " + count + " rows, expected " + expected);
  }
  throw DatabaseError("precondition " + type + " is not supported by ledgerhost");
}

PreconditionOutcome PreconditionEvaluator::Evaluate(const PreconditionContainer& container) const {
  if (connection_ == nullptr) {
    // update-sql: Liquibase's onSqlOutput. IGNORE and TEST both run the changeset's SQL; FAIL stops.
    if (container.on_sql_output == "FAIL") {
      return {PreconditionOutcome::Kind::kFailed, "preconditions cannot be checked in SQL output mode (onSqlOutput=FAIL)"};
    }
    return {};
  }
  try {
    for (const auto& condition : container.conditions) Check(condition);
    return {};
  } catch (const ConditionFailed& failed) {
    return {PreconditionOutcome::Kind::kFailed,
            container.on_fail_message.empty() ? failed.message : container.on_fail_message};
  } catch (const std::exception& e) {
    return {PreconditionOutcome::Kind::kError,
            container.on_error_message.empty() ? std::string(e.what()) : container.on_error_message};
  }
}

}  // namespace ledgerhost::migration
