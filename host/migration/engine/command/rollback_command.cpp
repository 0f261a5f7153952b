// rollback, rollback-count and rollback-to-date (and their -sql scripts): the rows to undo, newest
// first, each changeset's <rollback> or automatic inverse; and future-rollback-sql, the undoing of
// what update would run.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <sstream>

#include "core/error.h"
#include "core/logging.h"
#include "migration/change/change_type.h"
#include "migration/checksum/check_sum.h"
#include "migration/engine/history_date.h"
#include "migration/engine/lock_service.h"
#include "migration/engine/migrator_internal.h"
#include "migration/engine/precondition_evaluator.h"
#include "migration/engine/statement_sink.h"
#include "migration/engine/stop_signals.h"

namespace ledgerhost::migration {

using namespace migrator_detail;  // NOLINT: the migrator's own helpers

std::vector<const HistoryRow*> Migrator::RowsToRollBack(const History& history, const RollbackTarget& target) const {
  const auto& rows = history.rows();
  std::vector<bool> roll_back(rows.size(), false);
  if (target.tag) {
    // Liquibase 4.28 (AfterTagChangeSetFilter): tags match case-insensitively; every row after the
    // oldest (default) or newest row carrying the tag is rolled back, and so is any tagDatabase row
    // carrying it, since that changeset only set the tag. With OLDEST, later rows with the same tag
    // are rolled back too (includeMatchingTagInRollbackOldest, true since 4.26).
    auto tagged = [&](const HistoryRow& r) { return r.tag && Lower(*r.tag) == Lower(*target.tag); };
    std::optional<size_t> anchor;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (!tagged(rows[i])) continue;
      if (!anchor || target.tag_version == TagVersion::kNewest) anchor = i;
      if (target.tag_version == TagVersion::kOldest) break;
    }
    if (!anchor) throw MigrationError("Could not find tag '" + *target.tag + "' in the database");
    for (size_t i = 0; i < rows.size(); ++i) {
      const bool sets_only_the_tag = tagged(rows[i]) && Trim(rows[i].description.value_or("")) == "tagDatabase";
      if (i > *anchor || (sets_only_the_tag && (target.tag_version == TagVersion::kOldest || i == *anchor))) {
        roll_back[i] = true;
      }
    }
  } else if (target.count) {
    const size_t n = std::min<size_t>(rows.size(), static_cast<size_t>(std::max(0, *target.count)));
    for (size_t i = rows.size() - n; i < rows.size(); ++i) roll_back[i] = true;
  } else if (target.after) {
    // Liquibase's ExecutedAfterChangeSetFilter: executed strictly after the date.
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto executed = SortableTimestamp(rows[i].date_executed);
      if (!executed) {
        throw MigrationError("cannot read DATEEXECUTED '" + rows[i].date_executed + "' of " + rows[i].filename +
                             "::" + rows[i].id + "::" + rows[i].author + " as a date");
      }
      roll_back[i] = *executed > *target.after;
    }
  }
  std::vector<const HistoryRow*> out;
  for (size_t i = rows.size(); i > 0; --i) {
    if (roll_back[i - 1]) out.push_back(&rows[i - 1]);
  }
  return out;
}

void Migrator::DoRollback(const History& history, const RollbackTarget& target, StatementSink& sink) {
  const auto rows = RowsToRollBack(history, target);
  for (size_t i = 0; i < rows.size(); ++i) {
    const HistoryRow* row = rows[i];
    if (const int signal = StopSignals::Received(); signal != 0) {
      throw InterruptedError(signal == SIGTERM, std::string(StopSignals::Name(signal)) +
                                                    ": stopped between changesets; " + std::to_string(i) + " of " +
                                                    std::to_string(rows.size()) +
                                                    " changeset(s) rolled back, the rest still applied (the next " +
                                                    row->filename + "::" + row->id + "::" + row->author +
                                                    "). The changelog lock was released.");
    }
    auto it = std::find_if(change_sets_.begin(), change_sets_.end(), [&](const ChangeSet* cs) {
      return Lower(cs->id) == Lower(row->id) && Lower(cs->author) == Lower(row->author) &&
             Lower(NormalizeHistoryPath(cs->file_path)) == Lower(NormalizeHistoryPath(row->filename));
    });
    if (it == change_sets_.end()) {
      throw MigrationError("cannot roll back " + row->filename + "::" + row->id + "::" + row->author +
                           ": it is recorded in " + sql_.ChangeLogTable() + " but not in " + options_.changelog_display);
    }
    RollBackChangeSet(**it, *row, history, sink);
  }
}

void Migrator::RollBackChangeSet(const ChangeSet& cs, const HistoryRow& row, const History& history,
                                 StatementSink& sink) {
  auto statements = StatementsFor(cs, true, history);
  sink.Comment("Rolling Back ChangeSet: " + NameOf(cs));
  const std::optional<std::string> node_search_path = statements.empty() ? std::nullopt : NodeSearchPathFor(cs);
  try {
    sink.Begin();
    if (node_search_path) sink.Run({SearchPathInto(cs, *node_search_path), ";"});
    for (const auto& statement : statements) sink.RunChange(statement);
    if (node_search_path) sink.Run({SetSearchPath(*node_search_path), ";"});
    sink.Run({sql_.Delete(row.id, row.author, row.filename), ";"});
    sink.Commit();
  } catch (const DatabaseError& e) {
    sink.Rollback();
    throw MigrationError("Rollback failed for changeset " + NameOf(cs) + " (" + cs.location.ToString() +
                         "):\n  Reason: " + e.what());
  }
}

void Migrator::FutureRollbackSql(std::ostream& out, std::optional<int> count) {
  RequireConnection("future-rollback-sql");
  WriteScript(out, [&](StatementSink& sink) {
    const History history = ReadHistory();
    // Liquibase's NotRanChangeSetFilter (by identity: a changed runOnChange is not "not run") with the
    // context, label and dbms filters; a count takes the first N of those in changelog order.
    std::vector<const ChangeSet*> selected;
    for (const ChangeSet* cs : change_sets_) {
      if (count && static_cast<int>(selected.size()) >= *count) break;
      if (history.Find(*cs) == nullptr && Selected(*cs)) selected.push_back(cs);
    }
    if (sink.reads_database()) {
      // The scratch copy first gets those changesets as update runs them (preconditions,
      // runInTransaction and all); that part of the script is not written.
      std::ostringstream discarded;
      RehearsalSink forward(discarded, *connection_);
      try {
        WriteScriptPrologue(forward);
        Plan plan;  // exactly the changesets whose rollback is written
        for (const ChangeSet* cs : selected) plan.to_run.emplace_back(cs, nullptr);
        RunState state = StartRun(history);
        RunPlan(plan, state, forward, false);
        WriteScriptEpilogue(forward);
      } catch (const Error& e) {
        throw MigrationError(std::string("future-rollback-sql: the update it would undo fails on a scratch copy of "
                                         "the database, so there is nothing to undo yet: ") + e.what());
      }
    }
    WriteScriptHeader(out, "SQL to roll back currently unexecuted changes");
    WriteScriptPrologue(sink);
    for (auto it = selected.rbegin(); it != selected.rend(); ++it) {
      HistoryRow row;  // the row update would record
      row.id = (*it)->id;
      row.author = (*it)->author;
      row.filename = (*it)->file_path;
      RollBackChangeSet(**it, row, history, sink);
    }
    WriteScriptEpilogue(sink);
  });
}

int Migrator::Rollback(const RollbackTarget& target) {
  db::Connection& connection = RequireConnection("rollback");
  const StopSignals stop_signals;  // a signal stops the rollback between changesets
  const ForeignKeysOff foreign_keys_off(connection);
  LockService lock(connection, sql_, options_.lock);
  lock.Acquire();
  History history = ReadHistory();
  const int count = static_cast<int>(RowsToRollBack(history, target).size());
  LiveSink sink(connection);
  DoRollback(history, target, sink);
  lock.Release();
  ThrowIfStopRequested("the rollback completed");
  return count;
}

void Migrator::RollbackSql(std::ostream& out, const RollbackTarget& target) {
  RequireConnection("rollback-sql");
  WriteScript(out, [&](StatementSink& sink) {
    History history = ReadHistory();
    WriteScriptPrologue(sink);
    WriteScriptHeader(out, target.tag     ? "Rollback to '" + *target.tag + "' Script"
                           : target.after ? "Rollback to " + JavaTimestampText(*target.after) + " Script"
                                          : "Rollback " + std::to_string(target.count.value_or(0)) + " Change(s) Script");
    DoRollback(history, target, sink);
    WriteScriptEpilogue(sink);
  });
}

}  // namespace ledgerhost::migration
