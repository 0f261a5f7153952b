// calculate-checksum, clear-checksums, release-locks, list-locks, drop-all.
#include <algorithm>
#include <chrono>

#include "core/error.h"
#include "core/logging.h"
#include "migration/change/change_type.h"
#include "migration/checksum/check_sum.h"
#include "migration/engine/lock_service.h"
#include "migration/engine/migrator_internal.h"
#include "migration/engine/precondition_evaluator.h"
#include "migration/engine/statement_sink.h"

namespace ledgerhost::migration {

using namespace migrator_detail;  // NOLINT: the migrator's own helpers

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
