// Evaluates <preConditions> against a live database (or, when generating SQL offline, according to
// onSqlOutput). Liquibase separates a false condition (onFail) from an error while checking (onError).
#pragma once

#include <string>

#include "migration/engine/connection.h"
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
  PreconditionEvaluator(Connection* connection, DatabaseKind database, const History& history)
      : connection_(connection), database_(database), history_(history) {}

  PreconditionOutcome Evaluate(const PreconditionContainer& container) const;

 private:
  bool Check(const Precondition& condition) const;  // throws on error, false on failure
  Connection* connection_;
  DatabaseKind database_;
  const History& history_;
};

}  // namespace ledgerhost::migration
