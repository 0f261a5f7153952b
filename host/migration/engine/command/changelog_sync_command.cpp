// changelog-sync, changelog-sync-to-tag, mark-next-changeset-ran and their -sql forms: pending changesets
// recorded as executed without running them.
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

void Migrator::ChangelogSync(const UpdateLimit& limit) {
  db::Connection& connection = RequireConnection("changelog-sync");
  UnderChangeLogLock(connection, [&] {
    History history = ReadHistory();
    Plan plan = MakePlan(history, limit);
    RunState state = StartRun(history);
    LiveSink sink(connection);
    RunPlan(plan, state, sink, true);
  });
}

void Migrator::ChangelogSyncSql(std::ostream& out, const UpdateLimit& limit) {
  ScriptSink sink(out, database_);
  History history = ReadHistory();
  WriteScriptPrologue(sink);
  // Liquibase 4.28's header for changelog-sync-sql and changelog-sync-to-tag-sql alike.
  WriteScriptHeader(out, "SQL to add all changesets to database history table");
  Plan plan = MakePlan(history, limit);
  RunState state = StartRun(history);
  RunPlan(plan, state, sink, true);
  WriteScriptEpilogue(sink);
}

}  // namespace ledgerhost::migration
