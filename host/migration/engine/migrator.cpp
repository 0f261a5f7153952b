#include "migration/engine/migrator.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <ctime>
#include <iomanip>
#include <optional>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"
#include "core/logging.h"
#include "core/progress_line.h"
#include "migration/change/change_type.h"
#include "migration/checksum/check_sum.h"
#include "migration/engine/migrator_internal.h"
#include "migration/engine/precondition_evaluator.h"
#include "migration/engine/statement_sink.h"
#include "migration/engine/stop_signals.h"
#include "core/text.h"
#include "migration/parse/expression_matcher.h"
#include "migration/sql/custom_change_registry.h"
#include "migration/sql/dialect.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {

using namespace migrator_detail;  // NOLINT: the migrator's own helpers

Migrator::Migrator(const ChangeLog& change_log, const ResourceLoader& loader, db::DatabaseKind database,
                   db::Connection* connection, MigratorOptions options)
    : Migrator(std::vector<ChangeLogSource>{{&change_log, &loader}}, database, connection, std::move(options)) {}

Migrator::Migrator(std::vector<ChangeLogSource> sources, db::DatabaseKind database, db::Connection* connection,
                   MigratorOptions options)
    : sources_(std::move(sources)), database_(database), connection_(connection), options_(std::move(options)), sql_(database, connection != nullptr) {
  // Within one changelog duplicates are the parser's business (Liquibase's rules); across sources
  // the same history key would make two changesets share one DATABASECHANGELOG row.
  std::map<std::string, std::pair<size_t, const ChangeSet*>> seen;
  for (size_t s = 0; s < sources_.size(); ++s) {
    for (const auto& cs : sources_[s].change_log->change_sets) {
      const std::string key = Lower(NormalizeHistoryPath(cs.file_path)) + "::" + Lower(cs.id) + "::" + Lower(cs.author);
      auto [it, inserted] = seen.emplace(key, std::make_pair(s, &cs));
      if (!inserted && it->second.first != s) {
        throw ChangeLogError(cs.location.ToString() + ": changeset " + NameOf(cs) + " is declared twice (also at " +
                             it->second.second->location.ToString() + ")");
      }
      index_of_[&cs] = change_sets_.size();
      change_sets_.push_back(&cs);
      source_of_.push_back(s);
    }
  }
  checksums_.resize(change_sets_.size());
  if (options_.changelog_display.empty()) {
    for (const auto& source : sources_) {
      options_.changelog_display += (options_.changelog_display.empty() ? "" : ", ") + source.change_log->physical_path;
    }
  }
}

Migrator::~Migrator() = default;

db::Connection& Migrator::RequireConnection(const char* command) const {
  if (connection_ == nullptr) {
    throw MigrationError(std::string(command) + " needs a database; offline URLs only support update-sql");
  }
  return *connection_;
}

const std::string& Migrator::CheckSumOf(const ChangeSet& cs) {
  const size_t index = index_of_.at(&cs);
  if (checksums_[index].empty()) checksums_[index] = ComputeCheckSum(cs, CheckSumVersion::kV9, database_, LoaderOf(cs));
  return checksums_[index];
}

const ResourceLoader& Migrator::LoaderOf(const ChangeSet& cs) const { return *sources_[source_of_[index_of_.at(&cs)]].loader; }

bool Migrator::Selected(const ChangeSet& cs) const {
  return parse::ContextsAndLabelsSelect(cs, options_.contexts, options_.label_filter) &&
         db::DbmsMatches(cs.dbms, ShortName(database_));
}

History Migrator::ReadHistory() {
  if (connection_ == nullptr) return History();
  return History::Read(*connection_, sql_, connection_->TableExists(sql_.ChangeLogTable()));
}

std::vector<ValidationFailure> Migrator::CheckSumFailures(const History& history) const {
  std::vector<ValidationFailure> failures;
  for (const ChangeSet* change_set : change_sets_) {
    const ChangeSet& cs = *change_set;
    const HistoryRow* row = history.Find(cs);
    if (row == nullptr || !row->md5sum || cs.run_on_change || cs.run_always) continue;
    const int version = CheckSumVersionOf(*row->md5sum);
    if (version != 8 && version != 9) continue;  // too old to recompute: upgraded silently, as Liquibase does
    auto& self = const_cast<Migrator&>(*this);
    const std::string current = version == 9 ? self.CheckSumOf(cs)
                                             : ComputeCheckSum(cs, CheckSumVersion::kV8, database_, LoaderOf(cs));
    if (!CheckSumAccepted(cs, *row->md5sum, current)) {
      failures.push_back({ValidationFailure::Kind::kCheckSumChanged, cs.file_path, cs.id, cs.author,
                          cs.location.ToString(), "was: " + *row->md5sum + " but is now: " + current, current});
    }
  }
  return failures;
}

void Migrator::CheckCheckSums(const History& history) const {
  const auto failures = CheckSumFailures(history);
  if (failures.empty()) return;
  std::string message = "Validation Failed:\n     " + std::to_string(failures.size()) + " changesets check sum\n";
  for (const auto& f : failures) {
    message += "          " + f.file + "::" + f.id + "::" + f.author + " " + f.detail + " (" + f.location + ")\n";
  }
  message += "An executed changeset was edited. Revert the edit and put the change in a new changeset, or, if the edit "
             "is harmless, accept the new checksum with " +
             ValidCheckSumAdvice(failures.front().file, failures.front().current_check_sum) +
             " (or mark the changeset runOnChange).";
  throw MigrationError(message);
}

Migrator::Plan Migrator::MakePlan(const History& history, const UpdateLimit& limit) {
  Plan plan;
  bool tag_reached = false;
  // ShowSummaryUtil counts Liquibase's StatusVisitor map, keyed by file::id::author: a changeset
  // filtered out under one context and selected under another (Fineract's mysql/postgresql pairs)
  // counts once, by its last status. Changesets dropped for dbms= while parsing add to both counts.
  std::map<std::string, bool> filtered_by_identity;
  for (const auto& source : sources_) {
    plan.summary.total += source.change_log->skipped_for_dbms;
    plan.summary.filtered_out += source.change_log->skipped_for_dbms;
  }
  // The first recorded row carrying the tag, in any case (UpToTagChangeSetFilter).
  const HistoryRow* tagged_row = nullptr;
  if (limit.tag && limit.ran_changesets_reach_tag) {
    for (const HistoryRow& r : history.rows()) {
      if (r.tag && text::Lower(*r.tag) == text::Lower(*limit.tag)) {
        tagged_row = &r;
        break;
      }
    }
  }
  for (const ChangeSet* change_set : change_sets_) {
    const ChangeSet& cs = *change_set;
    plan.summary.total++;
    if (limit.ran_changesets_reach_tag && limit.tag) {
      if (tag_reached) continue;
      tag_reached = (tagged_row != nullptr && history.Find(cs) == tagged_row) || (TagOf(cs) && *TagOf(cs) == *limit.tag);
    }
    const bool selected = Selected(cs);
    filtered_by_identity[cs.Identifier()] = !selected;
    if (!selected) continue;
    const HistoryRow* row = history.Find(cs);
    bool run = row == nullptr || cs.run_always;
    if (row != nullptr && !run && cs.run_on_change && row->md5sum) {
      const int version = CheckSumVersionOf(*row->md5sum);
      const std::string current =
          version == 8 ? ComputeCheckSum(cs, CheckSumVersion::kV8, database_, LoaderOf(cs)) : CheckSumOf(cs);
      run = current != *row->md5sum;
    }
    if (!run) {
      plan.summary.previously_run++;
      if (!row->md5sum || CheckSumVersionOf(*row->md5sum) < 9) plan.checksum_updates.push_back(&cs);
      continue;
    }
    if ((tag_reached && !limit.ran_changesets_reach_tag) ||
        (limit.count && static_cast<int>(plan.to_run.size()) >= *limit.count)) {
      continue;
    }
    plan.to_run.emplace_back(&cs, row);
    if (limit.tag && TagOf(cs) && *TagOf(cs) == *limit.tag) tag_reached = true;
  }
  for (const auto& [identity, filtered] : filtered_by_identity) plan.summary.filtered_out += filtered ? 1 : 0;
  if (limit.tag && !tag_reached) {
    bool in_history = std::any_of(history.rows().begin(), history.rows().end(),
                                  [&](const HistoryRow& r) { return r.tag && *r.tag == *limit.tag; });
    bool in_changelog = std::any_of(change_sets_.begin(), change_sets_.end(),
                                    [&](const ChangeSet* cs) { return TagOf(*cs) && *TagOf(*cs) == *limit.tag; });
    if (!in_history && !in_changelog) {
      throw MigrationError("tag '" + *limit.tag + "' is neither in " + options_.changelog_display +
                           " nor in " + sql_.ChangeLogTable());
    }
  }
  return plan;
}

std::vector<SqlStatement> Migrator::StatementsFor(const ChangeSet& cs, bool rollback, const History& history) {
  std::vector<Change> changes;
  if (!rollback) {
    changes = cs.changes;
  } else if (cs.rollback.declared) {
    changes = cs.rollback.changes;
  } else {
    for (auto it = cs.changes.rbegin(); it != cs.changes.rend(); ++it) {
      auto inverse = InverseOf(*it);
      if (!inverse) {
        throw MigrationError(it->location.ToString() + ": changeset " + cs.id + "::" + cs.author +
                             " cannot be rolled back: " + it->type +
                             " has no automatic rollback; " + RollbackAdvice(cs.file_path));
      }
      changes.insert(changes.end(), inverse->begin(), inverse->end());
    }
  }
  (void)history;
  SqlGenerationContext context;
  context.database = database_;
  context.loader = &LoaderOf(cs);
  context.change_log_path = cs.physical_path;
  context.quoting = cs.quoting;
  if (connection_ != nullptr) {
    db::Connection* connection = connection_;
    context.introspect = [connection](const std::string& table) { return connection->Columns(table); };
  }
  std::vector<SqlStatement> statements;
  for (const auto& change : changes) {
    if (const std::string* dbms = change.Find("dbms"); dbms && !db::DbmsMatches(*dbms, ShortName(database_))) continue;
    if (change.type == "output") {
      const std::string target = change.Get("target", "STDERR");
      Logger("migration")->info("{}: {}", NameOf(cs), change.Get("message"));
      continue;
    }
    if (change.type == "stop") throw StopRequested{change.Get("message", "Stop command in changelog file")};
    try {
      auto generated = GenerateSql(change, context);
      statements.insert(statements.end(), generated.begin(), generated.end());
    } catch (const MigrationError& e) {
      throw MigrationError(std::string(e.what()) + " (changeset " + cs.id + "::" + cs.author + " in " + cs.file_path + ")");
    } catch (const ChangeLogError& e) {
      throw ChangeLogError(std::string(e.what()) + " (changeset " + cs.id + "::" + cs.author + " in " + cs.file_path + ")");
    }
  }
  ApplySqlVisitors(cs, rollback, database_, options_.contexts, options_.label_filter, statements);
  return statements;
}

void Migrator::RunChangeSet(const ChangeSet& cs, const HistoryRow* previous, RunState& state, StatementSink& sink,
                            bool sync_only) {
  std::string exec_type = previous ? "RERAN" : "EXECUTED";
  bool execute = !sync_only;
  if (!sync_only && state.marked_ran_by_policy.count(&cs)) {
    Logger("migration")->warn("{}: its customChange class has no native implementation; marked as ran without "
                              "running any of its changes, as the custom-change policy says", NameOf(cs));
    exec_type = "MARK_RAN";
    execute = false;
    previous = nullptr;
  } else if (cs.preconditions && !sync_only) {
    const bool check_live = sink.reads_database() || cs.preconditions->on_sql_output == "TEST";
    PreconditionEvaluator evaluator(check_live ? connection_ : nullptr, database_, *state.history, &state.recorded);
    const auto outcome = evaluator.Evaluate(*cs.preconditions);
    if (outcome.kind != PreconditionOutcome::Kind::kPassed) {
      const bool failed = outcome.kind == PreconditionOutcome::Kind::kFailed;
      const std::string action = failed ? cs.preconditions->on_fail : cs.preconditions->on_error;
      const std::string what = std::string(failed ? "Preconditions Failed" : "Preconditions Error") + " for " +
                               NameOf(cs) + ": " + outcome.message;
      if (action == "CONTINUE") {
        Logger("migration")->info("{} (onFail/onError=CONTINUE: skipped, checked again next update)", what);
        state.summary.run++;  // Liquibase's summary counts it as run (fireRan with SKIPPED)
        return;
      }
      if (action == "MARK_RAN") {
        Logger("migration")->info("{} (marked as ran)", what);
        exec_type = "MARK_RAN";
        execute = false;
        previous = nullptr;  // MARK_RAN always inserts, as Liquibase does
      } else if (action == "WARN") {
        Logger("migration")->warn("Executing {} despite precondition failure due to onFail='WARN': {}", NameOf(cs),
                                  outcome.message);
      } else {
        throw MigrationError(cs.preconditions->location.ToString() + ": " + what);
      }
    }
  }

  std::vector<SqlStatement> statements;
  if (execute) statements = StatementsFor(cs, false, *state.history);

  HistoryRow row;
  row.id = cs.id;
  row.author = cs.author;
  row.filename = cs.file_path;
  row.order_executed = state.order_executed + 1;
  state.order_executed += state.order_step;
  row.exec_type = exec_type;
  row.md5sum = CheckSumOf(cs);
  row.description = Describe(cs);
  row.comments = LimitSize(Trim(cs.comments), 250);
  row.contexts = FullContexts(cs);
  row.labels = FullLabels(cs);
  row.liquibase = kLiquibaseCompatibleVersion;
  row.deployment_id = state.deployment_id;
  if (const std::string* tag = TagOf(cs)) row.tag = *tag;
  const std::string history_statement = previous ? sql_.UpdateReran(row) : sql_.Insert(row);

  if (!sync_only) {  // Liquibase's changelog-sync-sql lists bare history statements
    sink.Comment("Changeset " + NameOf(cs));
    if (!Trim(cs.comments).empty()) sink.Comment(Trim(cs.comments));
  }
  const bool transactional = cs.run_in_transaction;
  const SqlStatement* current = nullptr;
  // A family's databaseSchema: its raw SQL's unqualified names resolve there, the history row's in
  // the node's own path again. (SET in a transaction that rolls back is undone with it.)
  const std::optional<std::string> node_search_path = statements.empty() ? std::nullopt : NodeSearchPathFor(cs);
  try {
    if (transactional) sink.Begin();
    if (node_search_path) sink.Run({SearchPathInto(cs, *node_search_path), ";"});
    for (const auto& statement : statements) {
      current = &statement;
      sink.RunChange(statement);
    }
    current = nullptr;
    if (node_search_path) sink.Run({SetSearchPath(*node_search_path), ";"});
    if (connection_ != nullptr || options_.offline_history_rows) sink.Run({history_statement, ";"});
    if (transactional) sink.Commit();
  } catch (const DatabaseError& e) {
    UndoChangeSetSession(sink, transactional, node_search_path);
    std::string message = "Migration failed for changeset " + NameOf(cs) + " (" + cs.location.ToString() +
                          "):\n  Reason: " + e.what();
    if (!transactional && current != nullptr) message += "\n  (runInTransaction=false: earlier statements of this changeset stay applied)";
    if (transactional && current != nullptr &&
        (database_ == db::DatabaseKind::kMariadb || database_ == db::DatabaseKind::kMysql)) {
      message += "\n  (" + std::string(ShortName(database_)) + " commits DDL as it runs it: the DDL statements of this "
                 "changeset before the failing one (CREATE/ALTER/DROP) stay applied; its data changes were rolled back)";
    }
    if (!cs.fail_on_error) {
      Logger("migration")->warn("{}\n  failOnError=false: continuing; the changeset is not recorded", message);
      state.summary.failed++;
      state.summary.run++;  // counted as run by Liquibase's summary, as it returns from execute
      state.order_executed -= state.order_step;
      return;
    }
    throw MigrationError(message);
  } catch (...) {
    // Not the database's refusal (a generation that needs the live table, a signal-free stop):
    // nothing of the changeset may stay half-open on the session either.
    UndoChangeSetSession(sink, transactional, node_search_path);
    throw;
  }
  // UPDATE SUMMARY's "Run": every changeset the update went through (EXECUTED, RERAN, MARK_RAN), as
  // Liquibase's DefaultChangeExecListener counts them.
  if (!sync_only) state.summary.run++;
  state.recorded.push_back(std::move(row));
}

void Migrator::UndoChangeSetSession(StatementSink& sink, bool transactional,
                                    const std::optional<std::string>& node_search_path) const {
  if (transactional) {
    sink.Rollback();  // a SET inside the transaction goes with it
    return;
  }
  if (!node_search_path) return;
  try {
    sink.Run({SetSearchPath(*node_search_path), ";"});
  } catch (const DatabaseError&) {
    // The session is broken; the changeset's own failure is what the operator must read.
  }
}

std::optional<std::string> Migrator::NodeSearchPathFor(const ChangeSet& cs) const {
  if (cs.search_schema.empty() || database_ != db::DatabaseKind::kPostgresql) return std::nullopt;
  // Offline there is no session to ask: PostgreSQL's built-in path.
  if (connection_ == nullptr) return "\"$user\", public";
  return connection_->QueryScalar("SELECT current_setting('search_path')").value_or("public");
}

std::string Migrator::SetSearchPath(const std::string& path) const {
  // The path is a value, bound as a string literal: what current_setting returns (a role's own
  // setting among it) never becomes SQL text. PostgreSQL shows an empty path as "".
  return "SELECT set_config('search_path', " + Dialect(database_).String(path == "\"\"" ? "" : path) + ", false)";
}

std::string Migrator::SearchPathInto(const ChangeSet& cs, const std::string& node_search_path) const {
  const std::string schema = Dialect(database_, false, cs.quoting).Identifier(cs.search_schema);
  const bool empty = node_search_path.empty() || node_search_path == "\"\"";
  return SetSearchPath(empty ? schema : schema + ", " + node_search_path);
}

void Migrator::ThrowIfStopRequested(const std::string& what_was_done) {
  // A signal during the last changeset (or the lock's release) is not lost: whoever runs the engine
  // stops (the node does not go on to start its services).
  if (const int signal = StopSignals::Received(); signal != 0) {
    throw InterruptedError(signal == SIGTERM, std::string(StopSignals::Name(signal)) + " received while it ran: " +
                                                  what_was_done + " and the changelog lock is released; stopping");
  }
}

Migrator::RunState Migrator::StartRun(const History& history) const {
  RunState state;
  state.history = &history;
  state.order_executed = history.MaxOrderExecuted();
  if (connection_ == nullptr) state.order_step = 2;
  return state;
}

void Migrator::WriteScript(std::ostream& out, const std::function<void(StatementSink&)>& body) {
  if (database_ != db::DatabaseKind::kSqlite || connection_ == nullptr) {
    ScriptSink sink(out, database_);
    body(sink);
    return;
  }
  const std::unique_ptr<db::Connection> scratch = connection_->ScratchCopy();
  scratch->SetForeignKeyEnforcement(false);
  db::Connection* const database = connection_;
  connection_ = scratch.get();
  try {
    RehearsalSink sink(out, *scratch);
    // As update runs it (ForeignKeysOff): a DBA's sqlite3 may enforce them.
    sink.Run({"PRAGMA foreign_keys = OFF"});
    body(sink);
  } catch (...) {
    connection_ = database;
    throw;
  }
  connection_ = database;
}

void Migrator::UnderChangeLogLock(db::Connection& connection, const std::function<void()>& body) {
  const StopSignals stop_signals;  // a signal stops the run between changesets; the lock is released
  const ForeignKeysOff foreign_keys_off(connection);
  LockService lock(connection, sql_, options_.lock);
  lock.Acquire();
  if (!connection.TableExists(sql_.ChangeLogTable())) connection.Execute(sql_.CreateChangeLogTable());
  body();
  lock.Release();
  ThrowIfStopRequested("the run completed");
}

void Migrator::RunPlan(const Plan& plan, RunState& state, StatementSink& sink, bool sync_only) {
  // Progress as Liquibase logs it at INFO ("Running Changeset: ..."), with the count, when applying.
  const auto log = Logger("migration");
  const bool report = sink.live() && !sync_only && !plan.to_run.empty();
  const auto started = std::chrono::steady_clock::now();
  std::optional<ProgressLine> progress;  // on a terminal only: the count and time at a glance
  if (report && ProgressLine::Enabled()) progress.emplace();
  for (size_t i = 0; i < plan.to_run.size(); ++i) {
    const auto& [cs, previous] = plan.to_run[i];
    // Between changesets (the one running when the signal came has committed, or failed and rolled
    // back): the state the next run starts from is clean.
    if (const int signal = StopSignals::Received(); signal != 0) {
      throw InterruptedError(
          signal == SIGTERM,
          std::string(StopSignals::Name(signal)) + ": stopped between changesets; " + std::to_string(i) + " of " +
              std::to_string(plan.to_run.size()) + " changeset(s) " + (sync_only ? "recorded" : "applied") +
              " in this run" +
              (i > 0 ? " (the last " + NameOf(*plan.to_run[i - 1].first) + ")" : "") + ", " +
              std::to_string(plan.to_run.size() - i) + (sync_only ? " not recorded" : " not applied") +
              " (the next " + NameOf(*cs) +
              "). The changelog lock was released; run the update again to apply the rest.");
    }
    if (report) log->info("Running Changeset {}/{}: {}", i + 1, plan.to_run.size(), NameOf(*cs));
    if (progress) {
      const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      progress->Update(fmt::format("Applying changeset {}/{} ({:.0f} s): {}", i + 1, plan.to_run.size(), seconds, NameOf(*cs)));
    }
    const auto changeset_started = std::chrono::steady_clock::now();
    try {
      RunChangeSet(*cs, previous, state, sink, sync_only);
    } catch (const StopRequested& stop) {
      throw MigrationError("Stopping update at " + NameOf(*cs) + " (" + cs->location.ToString() + "): " + stop.message);
    }
    if (report && on_applied_) on_applied_(*cs, std::chrono::steady_clock::now() - changeset_started);
  }
  if (report) {
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    log->info("{} changeset(s) ran in {:.1f} s", plan.to_run.size(), elapsed);
  }
}

void Migrator::WriteScriptHeader(std::ostream& out, const std::string& title) const {
  const std::string c = ScriptCommentPrefix(database_);
  out << c << "*********************************************************************\n"
      << c << title << "\n"
      << c << "*********************************************************************\n"
      << c << "Change Log: " << options_.changelog_display << "\n"
      << c << "Ran at: " << JavaShortDateTime() << "\n"
      << c << "Against: " << options_.database_display << "\n"
      << c << "Liquibase version: " << kLiquibaseCompatibleVersion << " (ledgerhost)\n"
      << c << "*********************************************************************\n\n";
}

void Migrator::WriteScriptPrologue(StatementSink& sink) const {
  // Against a live database a script takes the lock and creates what is missing, as Liquibase's do;
  // offline there is nothing to lock, and the history table is created unless outputLiquibaseSql
  // says otherwise.
  if (connection_ == nullptr) {
    if (options_.offline_history_table) sink.Run({sql_.CreateChangeLogTable(), ";"});
    return;
  }
  if (database_ == db::DatabaseKind::kPostgresql) {
    // A session whose search path is not PostgreSQL's built-in one (node.yaml database.schema, or a
    // role's or database's own default) creates and reads its tables there; the script sets the
    // same path, or a DBA's psql session (another role, perhaps) would put everything elsewhere.
    // Liquibase qualifies every name with its default schema to the same end.
    const auto current = connection_->QueryScalar("SELECT current_setting('search_path')");
    const auto built_in = connection_->QueryScalar("SELECT boot_val FROM pg_settings WHERE name = 'search_path'");
    if (current && current != built_in) sink.Run({SetSearchPath(*current), ";"});
  }
  if (!connection_->TableExists(sql_.LockTable())) {
    sink.Comment("Create Database Lock Table");
    sink.Run({sql_.CreateLockTable(), ";"});
    sink.Comment("Initialize Database Lock Table");
    for (const auto& statement : sql_.InitializeLockTable()) sink.Run({statement, ";"});
  }
  sink.Comment("Lock Database");
  sink.Run({sql_.Lock(LockService::Holder()), ";"});
  if (!connection_->TableExists(sql_.ChangeLogTable())) {
    sink.Comment("Create Database Change Log Table");
    sink.Run({sql_.CreateChangeLogTable(), ";"});
  }
}

void Migrator::WriteScriptEpilogue(StatementSink& sink) const {
  if (connection_ == nullptr) return;
  sink.Comment("Release Database Lock");
  sink.Run({sql_.Unlock(), ";"});
}

}  // namespace ledgerhost::migration
