#include "vault/transaction_scope.h"

#include "core/error.h"

namespace ledgerhost::vault {
namespace {

constexpr const char* kSavepoint = "ledgerhost_vault";

}  // namespace

TransactionScope::TransactionScope(migration::Connection& connection)
    : connection_(connection), joined_(connection.in_transaction()) {
  if (joined_) {
    connection_.Execute(std::string("SAVEPOINT ") + kSavepoint);
  } else {
    connection_.Begin();
  }
}

TransactionScope::~TransactionScope() {
  if (done_) return;
  if (!joined_) {
    connection_.Rollback();  // never throws
    return;
  }
  try {
    connection_.Execute(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint + "; RELEASE SAVEPOINT " + kSavepoint);
  } catch (const DatabaseError&) {
    // The connection is broken; the caller's transaction fails on its next statement, and the error
    // that brought us here is the one to report.
  }
}

void TransactionScope::Commit() {
  if (joined_) {
    connection_.Execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
  } else {
    connection_.Commit();
  }
  done_ = true;
}

}  // namespace ledgerhost::vault
