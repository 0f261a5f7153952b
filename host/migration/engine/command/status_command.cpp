// status (the pending changesets) and history (the recorded rows).
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

std::vector<PendingChangeSet> Migrator::Pending() {
  History history = ReadHistory();
  Plan plan = MakePlan(history, {});
  std::vector<PendingChangeSet> out;
  for (const auto& [cs, row] : plan.to_run) {
    out.push_back({cs, row == nullptr ? "not run" : cs->run_always ? "runAlways" : "runOnChange (checksum changed)"});
  }
  return out;
}

std::vector<HistoryRow> Migrator::HistoryRows() {
  RequireConnection("history");
  return ReadHistory().rows();
}

}  // namespace ledgerhost::migration
