#include "db/transaction.h"

#include <string>

#include "core/error.h"

namespace ledgerhost::db {
namespace {

// Nested savepoints may share a name: ROLLBACK TO and RELEASE act on the innermost one.
constexpr const char* kSavepoint = "ledgerhost_transaction";

}  // namespace

Transaction::Transaction(Connection& connection) : connection_(connection), nested_(connection.in_transaction()) {
  if (nested_) {
    connection_.Execute(std::string("SAVEPOINT ") + kSavepoint);
  } else {
    connection_.Begin();
  }
}

Transaction::~Transaction() {
  if (done_) return;
  if (!nested_) {
    connection_.Rollback();  // never throws
    return;
  }
  try {
    connection_.Execute(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint + "; RELEASE SAVEPOINT " + kSavepoint);
  } catch (const DatabaseError&) {
    // The connection is broken; the enclosing transaction fails on its next statement, and the error
    // that brought us here is the one to report.
  }
}

void Transaction::Commit() {
  if (nested_) {
    connection_.Execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
  } else {
    connection_.Commit();
  }
  done_ = true;
}

}  // namespace ledgerhost::db
