// status (the pending changesets), history (the recorded rows) and unexpected-changesets (recorded rows
// the changelogs do not select).
#include <algorithm>
#include <chrono>
#include <set>

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

std::vector<HistoryRow> Migrator::UnexpectedChangeSets() {
  RequireConnection("unexpected-changesets");
  std::set<std::string> expected;
  for (const ChangeSet* cs : change_sets_) {
    if (Selected(*cs)) expected.insert(History::Key(cs->id, cs->author, cs->file_path));
  }
  const History history = ReadHistory();
  std::vector<HistoryRow> out;
  for (const HistoryRow& row : history.rows()) {
    if (!expected.count(History::Key(row.id, row.author, row.filename))) out.push_back(row);
  }
  return out;
}

}  // namespace ledgerhost::migration
