// update and update-sql: every pending changeset, run under the changelog lock or written as a script.
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

bool Migrator::ChangeLogPreconditionsPass(db::Connection& connection, const History& history) {
  PreconditionEvaluator evaluator(&connection, database_, history);
  for (const auto& source : sources_) {
    for (const PreconditionContainer& container : source.change_log->preconditions) {
      const auto outcome = evaluator.Evaluate(container);
      if (outcome.kind == PreconditionOutcome::Kind::kPassed) continue;
      const std::string action =
          outcome.kind == PreconditionOutcome::Kind::kFailed ? container.on_fail : container.on_error;
      if (action == "WARN" || action == "CONTINUE") {
        Logger("migration")->warn("changelog precondition not met ({}): {}", container.location.ToString(),
                                  outcome.message);
        if (action == "CONTINUE") return false;
        continue;
      }
      throw MigrationError(container.location.ToString() + ": changelog preconditions failed: " + outcome.message);
    }
  }
  return true;
}

UpdateSummary Migrator::Update(const UpdateLimit& limit) {
  db::Connection& connection = RequireConnection("update");
  // On a database without history every selected changeset is pending: a customChange nothing can
  // run is refused before the lock or DATABASECHANGELOG exist, leaving the database as Liquibase's
  // missing Java class does.
  if (!connection.TableExists(sql_.ChangeLogTable())) CheckCustomChanges(MakePlan(History(), limit));
  UpdateSummary summary;
  UnderChangeLogLock(connection, [&] {
    // Like Liquibase: a change the database cannot express stops the update before any changeset runs.
    CheckChangesSupported();
    History history = ReadHistory();
    CheckCheckSums(history);
    if (!ChangeLogPreconditionsPass(connection, history)) return;
    Plan plan = MakePlan(history, limit);
    std::set<const ChangeSet*> marked_ran = CheckCustomChanges(plan);
    for (const ChangeSet* cs : plan.checksum_updates) {
      const HistoryRow* row = history.Find(*cs);
      if (row->md5sum) {
        Logger("migration")->info("Upgrading checksum for Changeset {} from {} to {}.", NameOf(*cs), *row->md5sum,
                                  CheckSumOf(*cs));
      }
      connection.Execute(sql_.UpdateCheckSum(row->id, row->author, row->filename, CheckSumOf(*cs)));
    }
    RunState state = StartRun(history);
    state.marked_ran_by_policy = std::move(marked_ran);
    LiveSink sink(connection);
    RunPlan(plan, state, sink, false);
    summary = plan.summary;
    summary.run = state.summary.run;
    summary.failed = state.summary.failed;
    Logger("migration")->info("update of {}: {} run, {} previously run, {} filtered out, {} failed, {} in total",
                              options_.changelog_display, summary.run, summary.previously_run, summary.filtered_out,
                              summary.failed, summary.total);
  });
  return summary;
}

void Migrator::UpdateSql(std::ostream& out, const UpdateLimit& limit) {
  WriteScript(out, [&](StatementSink& sink) {
    History history = ReadHistory();
    CheckCheckSums(history);
    CheckChangesSupported();
    Plan plan = MakePlan(history, limit);
    std::set<const ChangeSet*> marked_ran = CheckCustomChanges(plan);
    WriteScriptPrologue(sink);
    WriteScriptHeader(out, "Update Database Script");
    RunState state = StartRun(history);
    state.marked_ran_by_policy = std::move(marked_ran);
    RunPlan(plan, state, sink, false);
    WriteScriptEpilogue(sink);
  });
}

}  // namespace ledgerhost::migration
