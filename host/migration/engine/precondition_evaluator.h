// Evaluates <preConditions> against a live database (or, when generating SQL offline, according to
// onSqlOutput). Liquibase separates a false condition (onFail) from an error while checking (onError).
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"
#include "migration/engine/history_service.h"
#include "migration/model/change_log.h"

namespace ledgerhost::migration {

struct PreconditionOutcome {
  enum class Kind { kPassed, kFailed, kError };
  Kind kind = Kind::kPassed;
  std::string message;  // why it failed / errored
};

class PreconditionEvaluator {
 public:
  // `connection` may be null (offline SQL generation): then every condition counts as passed unless
  // onSqlOutput says otherwise.
  // `ran_this_run`: rows recorded by the running command so far; changeSetExecuted sees them as
  // Liquibase's ran-changeset list does (it grows with every changeset of the update).
  PreconditionEvaluator(db::Connection* connection, db::DatabaseKind database, const History& history,
                        const std::vector<HistoryRow>* ran_this_run = nullptr)
      : connection_(connection), database_(database), history_(history), ran_this_run_(ran_this_run) {}

  PreconditionOutcome Evaluate(const PreconditionContainer& container) const;

 private:
  bool Check(const Precondition& condition) const;  // throws on error, false on failure
  db::Connection* connection_;
  db::DatabaseKind database_;
  const History& history_;
  const std::vector<HistoryRow>* ran_this_run_;
};

}  // namespace ledgerhost::migration
