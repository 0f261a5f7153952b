#include "migration/engine/migrator.h"

#include <algorithm>
#include <ctime>
#include <iomanip>
#include <regex>
#include <sstream>

#include "core/error.h"
#include "core/logging.h"
#include "migration/change/change_type.h"
#include "migration/checksum/check_sum.h"
#include "migration/engine/precondition_evaluator.h"
#include "migration/engine/statement_sink.h"
#include "migration/model/text.h"
#include "migration/parse/expression_matcher.h"
#include "migration/sql/custom_change_registry.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {
namespace {

using text::Lower;
using text::Trim;

// Liquibase's StringUtil.limitSize: longer text keeps max-3 characters and gains "...".
std::string LimitSize(const std::string& text, size_t max) {
  return text.size() <= max ? text : text.substr(0, max - 3) + "...";
}

// ChangeSet.buildFullContext: every context expression, parenthesised when it has a comma or a
// space, joined with " AND ": the inherited ones first, innermost first (getInheritableContextFilter
// walks from the changeset's file up to the root; inherited_contexts is stored outermost first),
// then the changeset's own.
std::optional<std::string> FullContexts(const ChangeSet& cs) {
  std::vector<std::string> parts(cs.inherited_contexts.rbegin(), cs.inherited_contexts.rend());
  parts.push_back(cs.context);
  std::string out;
  for (auto part : parts) {
    part = Trim(part);
    if (part.empty()) continue;
    if (part.find_first_of(", ") != std::string::npos) part = "(" + part + ")";
    out += (out.empty() ? "" : " AND ") + part;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// ChangeSet.buildFullLabels: each label set lower-cased, split on ',', trimmed, joined with ','; the
// inherited ones innermost first, as for contexts.
std::optional<std::string> FullLabels(const ChangeSet& cs) {
  std::vector<std::string> sets(cs.inherited_labels.rbegin(), cs.inherited_labels.rend());
  sets.push_back(cs.labels);
  std::string out;
  for (const auto& set : sets) {
    std::stringstream in(Lower(set));
    std::string label;
    while (std::getline(in, label, ',')) {
      label = Trim(label);
      if (!label.empty()) out += (out.empty() ? "" : ",") + label;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string DeploymentId() {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  std::string digits = std::to_string(ms);
  return digits.size() > 10 ? digits.substr(digits.size() - 10) : digits;
}

// "Ran at:" in Java's SHORT date-time style: 11/22/26, 9:57 PM.
std::string JavaShortDateTime() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  int hour = local.tm_hour % 12;
  if (hour == 0) hour = 12;
  std::ostringstream out;
  out << local.tm_mon + 1 << "/" << local.tm_mday << "/" << std::setw(2) << std::setfill('0') << local.tm_year % 100
      << ", " << hour << ":" << std::setw(2) << std::setfill('0') << local.tm_min << " "
      << (local.tm_hour < 12 ? "AM" : "PM");
  return out.str();
}

std::string NameOf(const ChangeSet& cs) { return cs.Identifier(); }

std::string Where(const ChangeSet& cs) {
  return cs.location.ToString() + ": changeset " + cs.id + "::" + cs.author;
}

const std::string* TagOf(const ChangeSet& cs) {
  for (const auto& change : cs.changes) {
    if (change.type == "tagDatabase") return change.Find("tag");
  }
  return nullptr;
}

// <modifySql>: append, prepend, replace, regExpReplace, applied to every generated statement.
void ApplySqlVisitors(const ChangeSet& cs, bool rollback, DatabaseKind database, const std::vector<std::string>& contexts,
                      const std::string& label_filter, std::vector<SqlStatement>& statements) {
  for (const auto& visitor : cs.sql_visitors) {
    if (rollback && !visitor.apply_to_rollback) continue;
    if (!DbmsMatches(visitor.dbms, ShortName(database))) continue;
    if (!parse::ContextMatches(visitor.context, contexts)) continue;
    if (!parse::LabelsMatch(label_filter, visitor.labels)) continue;
    auto attr = [&](const char* name) {
      auto it = visitor.attributes.find(name);
      return it == visitor.attributes.end() ? std::string() : it->second;
    };
    for (auto& statement : statements) {
      if (visitor.type == "append") {
        statement.sql += attr("value");
      } else if (visitor.type == "prepend") {
        statement.sql = attr("value") + statement.sql;
      } else if (visitor.type == "replace") {
        const std::string from = attr("replace");
        const std::string to = attr("with");
        if (from.empty()) continue;
        for (auto pos = statement.sql.find(from); pos != std::string::npos; pos = statement.sql.find(from, pos + to.size())) {
          statement.sql.replace(pos, from.size(), to);
        }
      } else if (visitor.type == "regExpReplace") {
        try {
          statement.sql = std::regex_replace(statement.sql, std::regex(attr("replace")), attr("with"));
        } catch (const std::regex_error& e) {
          throw ChangeLogError(Where(cs) + ": modifySql regExpReplace '" + attr("replace") + "' is not a valid regular expression: " + e.what());
        }
      }
    }
  }
}

// A stop change ends the update where it stands, as Liquibase's StopChange does.
struct StopRequested {
  std::string message;
};

}  // namespace

struct Migrator::Plan {
  std::vector<std::pair<const ChangeSet*, const HistoryRow*>> to_run;  // row = previous row when re-running
  std::vector<const ChangeSet*> checksum_updates;  // already ran, stored checksum NULL or older version
  UpdateSummary summary;
};

struct Migrator::RunState {
  std::string deployment_id = DeploymentId();
  int order_executed = 0;
  // Liquibase's offline scripts number ORDEREXECUTED 1,3,5,...: its offline history CSV and the
  // script draw from one counter. Offline scripts copy that so they match Liquibase byte for byte.
  int order_step = 1;
  UpdateSummary summary;
  const History* history = nullptr;
  std::vector<HistoryRow> recorded;  // rows this run wrote (or scripted), for changeSetExecuted
  std::set<const ChangeSet*> marked_ran_by_policy;  // customChange without implementation, --custom-change mark-ran
};

Migrator::Migrator(const ChangeLog& change_log, const ResourceLoader& loader, DatabaseKind database,
                   Connection* connection, MigratorOptions options)
    : Migrator(std::vector<ChangeLogSource>{{&change_log, &loader}}, database, connection, std::move(options)) {}

Migrator::Migrator(std::vector<ChangeLogSource> sources, DatabaseKind database, Connection* connection,
                   MigratorOptions options)
    : sources_(std::move(sources)), database_(database), connection_(connection), options_(std::move(options)), sql_(database) {
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

Connection& Migrator::RequireConnection(const char* command) const {
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
         DbmsMatches(cs.dbms, ShortName(database_));
}

History Migrator::ReadHistory() {
  if (connection_ == nullptr) return History();
  return History::Read(*connection_, sql_, connection_->TableExists(sql_.ChangeLogTable()));
}

void Migrator::CheckCheckSums(const History& history) const {
  std::vector<std::string> problems;
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
      problems.push_back(cs.file_path + "::" + cs.id + "::" + cs.author + " was: " + *row->md5sum +
                         " but is now: " + current + " (" + cs.location.ToString() + ")");
    }
  }
  if (problems.empty()) return;
  std::string message = "Validation Failed:\n     " + std::to_string(problems.size()) + " changesets check sum\n";
  for (const auto& p : problems) message += "          " + p + "\n";
  message +=
      "An executed changeset was edited. Revert the edit and put the change in a new changeset, or, if the edit is "
      "harmless, add <validCheckSum> with the new value (or mark the changeset runOnChange).";
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
  for (const ChangeSet* change_set : change_sets_) {
    const ChangeSet& cs = *change_set;
    plan.summary.total++;
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
    if (tag_reached || (limit.count && static_cast<int>(plan.to_run.size()) >= *limit.count)) continue;
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
      throw MigrationError("update-to-tag: tag '" + *limit.tag + "' is neither in " + options_.changelog_display +
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
                             " has no automatic rollback; add a <rollback> block to the changeset");
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
    Connection* connection = connection_;
    context.introspect = [connection](const std::string& table) { return connection->Columns(table); };
  }
  std::vector<SqlStatement> statements;
  for (const auto& change : changes) {
    if (const std::string* dbms = change.Find("dbms"); dbms && !DbmsMatches(*dbms, ShortName(database_))) continue;
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
    const bool check_live = sink.live() || cs.preconditions->on_sql_output == "TEST";
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
  try {
    if (transactional) sink.Begin();
    for (const auto& statement : statements) {
      current = &statement;
      sink.RunChange(statement);
    }
    current = nullptr;
    sink.Run({history_statement, ";"});
    if (transactional) sink.Commit();
  } catch (const DatabaseError& e) {
    if (transactional) sink.Rollback();
    std::string message = "Migration failed for changeset " + NameOf(cs) + " (" + cs.location.ToString() +
                          "):\n  Reason: " + e.what();
    if (!transactional && current != nullptr) message += "\n  (runInTransaction=false: earlier statements of this changeset stay applied)";
    if (!cs.fail_on_error) {
      Logger("migration")->warn("{}\n  failOnError=false: continuing; the changeset is not recorded", message);
      state.summary.failed++;
      state.summary.run++;  // counted as run by Liquibase's summary, as it returns from execute
      state.order_executed -= state.order_step;
      return;
    }
    throw MigrationError(message);
  }
  // UPDATE SUMMARY's "Run": every changeset the update went through (EXECUTED, RERAN, MARK_RAN), as
  // Liquibase's DefaultChangeExecListener counts them.
  if (!sync_only) state.summary.run++;
  state.recorded.push_back(std::move(row));
}

void Migrator::RunPlan(const Plan& plan, RunState& state, StatementSink& sink, bool sync_only) {
  for (const auto& [cs, previous] : plan.to_run) {
    try {
      RunChangeSet(*cs, previous, state, sink, sync_only);
    } catch (const StopRequested& stop) {
      throw MigrationError("Stopping update at " + NameOf(*cs) + " (" + cs->location.ToString() + "): " + stop.message);
    }
  }
}

UpdateSummary Migrator::Update(const UpdateLimit& limit) {
  Connection& connection = RequireConnection("update");
  // On a database without history every selected changeset is pending: a customChange nothing can
  // run is refused before the lock or DATABASECHANGELOG exist, leaving the database as Liquibase's
  // missing Java class does.
  if (!connection.TableExists(sql_.ChangeLogTable())) CheckCustomChanges(MakePlan(History(), limit));
  LockService lock(connection, sql_, options_.lock);
  lock.Acquire();
  if (!connection.TableExists(sql_.ChangeLogTable())) connection.Execute(sql_.CreateChangeLogTable());
  // Like Liquibase: a change the database cannot express stops the update before any changeset runs.
  CheckChangesSupported();
  History history = ReadHistory();
  CheckCheckSums(history);
  PreconditionEvaluator evaluator(&connection, database_, history);
  std::vector<const PreconditionContainer*> change_log_preconditions;
  for (const auto& source : sources_) {
    for (const auto& container : source.change_log->preconditions) change_log_preconditions.push_back(&container);
  }
  for (const PreconditionContainer* container_pointer : change_log_preconditions) {
    const PreconditionContainer& container = *container_pointer;
    const auto outcome = evaluator.Evaluate(container);
    if (outcome.kind == PreconditionOutcome::Kind::kPassed) continue;
    const std::string action = outcome.kind == PreconditionOutcome::Kind::kFailed ? container.on_fail : container.on_error;
    if (action == "WARN" || action == "CONTINUE") {
      Logger("migration")->warn("changelog precondition not met ({}): {}", container.location.ToString(), outcome.message);
      if (action == "CONTINUE") return {};
      continue;
    }
    throw MigrationError(container.location.ToString() + ": changelog preconditions failed: " + outcome.message);
  }
  Plan plan = MakePlan(history, limit);
  std::set<const ChangeSet*> marked_ran = CheckCustomChanges(plan);
  for (const ChangeSet* cs : plan.checksum_updates) {
    const HistoryRow* row = history.Find(*cs);
    if (row->md5sum) {
      Logger("migration")->info("Upgrading checksum for Changeset {} from {} to {}.", NameOf(*cs), *row->md5sum, CheckSumOf(*cs));
    }
    connection.Execute(sql_.UpdateCheckSum(row->id, row->author, row->filename, CheckSumOf(*cs)));
  }
  RunState state;
  state.history = &history;
  state.order_executed = history.MaxOrderExecuted();
  state.marked_ran_by_policy = std::move(marked_ran);
  LiveSink sink(connection);
  RunPlan(plan, state, sink, false);
  lock.Release();
  UpdateSummary summary = plan.summary;
  summary.run = state.summary.run;
  summary.failed = state.summary.failed;
  Logger("migration")->info("update of {}: {} run, {} previously run, {} filtered out, {} failed, {} in total",
                            options_.changelog_display, summary.run, summary.previously_run, summary.filtered_out,
                            summary.failed, summary.total);
  return summary;
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
  // offline there is nothing to lock and the history table is created unconditionally.
  if (connection_ == nullptr) {
    sink.Run({sql_.CreateChangeLogTable(), ";"});
    return;
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

void Migrator::UpdateSql(std::ostream& out, const UpdateLimit& limit) {
  ScriptSink sink(out, database_);
  History history = ReadHistory();
  CheckCheckSums(history);
  CheckChangesSupported();
  Plan plan = MakePlan(history, limit);
  std::set<const ChangeSet*> marked_ran = CheckCustomChanges(plan);
  WriteScriptPrologue(sink);
  WriteScriptHeader(out, "Update Database Script");
  RunState state;
  state.history = &history;
  state.marked_ran_by_policy = std::move(marked_ran);
  state.order_executed = history.MaxOrderExecuted();
  if (connection_ == nullptr) state.order_step = 2;
  RunPlan(plan, state, sink, false);
  WriteScriptEpilogue(sink);
}

void Migrator::ChangelogSync() {
  Connection& connection = RequireConnection("changelog-sync");
  LockService lock(connection, sql_, options_.lock);
  lock.Acquire();
  if (!connection.TableExists(sql_.ChangeLogTable())) connection.Execute(sql_.CreateChangeLogTable());
  History history = ReadHistory();
  Plan plan = MakePlan(history, {});
  RunState state;
  state.history = &history;
  state.order_executed = history.MaxOrderExecuted();
  LiveSink sink(connection);
  RunPlan(plan, state, sink, true);
  lock.Release();
}

void Migrator::ChangelogSyncSql(std::ostream& out) {
  ScriptSink sink(out, database_);
  History history = ReadHistory();
  WriteScriptPrologue(sink);
  WriteScriptHeader(out, "SQL to add all changesets to database history table");
  Plan plan = MakePlan(history, {});
  RunState state;
  state.history = &history;
  state.order_executed = history.MaxOrderExecuted();
  if (connection_ == nullptr) state.order_step = 2;
  RunPlan(plan, state, sink, true);
  WriteScriptEpilogue(sink);
}

std::vector<PendingChangeSet> Migrator::Pending() {
  History history = ReadHistory();
  Plan plan = MakePlan(history, {});
  std::vector<PendingChangeSet> out;
  for (const auto& [cs, row] : plan.to_run) {
    out.push_back({cs, row == nullptr ? "not run" : cs->run_always ? "runAlways" : "runOnChange (checksum changed)"});
  }
  return out;
}

void Migrator::CheckChangesSupported() {
  std::vector<std::string> problems;
  for (const ChangeSet* change_set : change_sets_) {
    const ChangeSet& cs = *change_set;
    if (!Selected(cs)) continue;
    for (const auto& change : cs.changes) {
      // customChange: CheckCustomChanges, for pending changesets only.
      if (change.type == "output" || change.type == "stop" || change.type == "customChange") continue;
      SqlGenerationContext context;
      context.database = database_;
      context.loader = &LoaderOf(cs);
      context.change_log_path = cs.physical_path;
      context.quoting = cs.quoting;
      auto report = [&](const Error& e) {
        problems.push_back(change.location.ToString() + ": changeset " + cs.id + "::" + cs.author + ": " + e.what());
      };
      try {
        GenerateSql(change, context);
      } catch (const UnsupportedChangeError& e) {
        report(e);  // what Liquibase's validation reports: changes the database cannot express
      } catch (const Error&) {
        // Other problems (SQLite rebuilds need live metadata) show when the changeset runs.
      }
    }
  }
  if (!problems.empty()) {
    std::string message = "Validation Failed:\n     " + std::to_string(problems.size()) + " changes have validation failures\n";
    for (const auto& p : problems) message += "          " + p + "\n";
    throw ChangeLogError(message);
  }
}

CustomChangePolicy ParseCustomChangePolicy(const std::string& text, const std::string& where) {
  if (text == "refuse") return CustomChangePolicy::kRefuse;
  if (text == "mark-ran") return CustomChangePolicy::kMarkRan;
  throw ConfigError(where + ": custom-change policy '" + text + "' is neither 'refuse' nor 'mark-ran'");
}

std::set<const ChangeSet*> Migrator::CheckCustomChanges(const Plan& plan) const {
  std::set<const ChangeSet*> marked_ran;
  std::map<std::string, std::vector<std::string>> refused;  // class -> changesets
  for (const auto& [cs, previous] : plan.to_run) {
    for (const auto& change : cs->changes) {
      if (change.type != "customChange") continue;
      const std::string class_name = change.Get("class");
      if (FindCustomChange(class_name) != nullptr) continue;
      const auto policy = options_.custom_changes.find(class_name);
      if (policy != options_.custom_changes.end() && policy->second == CustomChangePolicy::kMarkRan) {
        marked_ran.insert(cs);
      } else {
        refused[class_name].push_back(NameOf(*cs) + " (" + change.location.ToString() + ")");
      }
    }
  }
  if (refused.empty()) return marked_ran;
  std::string message = "pending changesets run Java customChange classes that have no native implementation:\n";
  for (const auto& [class_name, change_sets] : refused) {
    message += "  " + class_name + ":\n";
    for (const auto& name : change_sets) message += "    " + name + "\n";
  }
  message += "Nothing was run. Register a native implementation in a plugin (docs/plugin-authors.md), or, when the "
             "class's work is done otherwise, record these changesets as ran without running them: "
             "--custom-change CLASS=mark-ran (node.yaml: database.customChanges).";
  throw ChangeLogError(message);
}

void Migrator::Validate() {
  History history = ReadHistory();
  CheckCheckSums(history);
  CheckChangesSupported();
  CheckCustomChanges(MakePlan(history, {}));
}

std::vector<HistoryRow> Migrator::HistoryRows() {
  RequireConnection("history");
  return ReadHistory().rows();
}

bool Migrator::TagExists(const std::string& tag) {
  History history = ReadHistory();
  return std::any_of(history.rows().begin(), history.rows().end(),
                     [&](const HistoryRow& r) { return r.tag && *r.tag == tag; });
}

void Migrator::Tag(const std::string& tag) {
  Connection& connection = RequireConnection("tag");
  if (!connection.TableExists(sql_.ChangeLogTable())) connection.Execute(sql_.CreateChangeLogTable());
  History history = ReadHistory();
  if (history.rows().empty()) {
    // Liquibase tags an empty history by recording a synthetic changeset first.
    HistoryRow row;
    row.id = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count());
    row.author = "liquibase";
    row.filename = "liquibase-internal";
    row.order_executed = 1;
    row.exec_type = "EXECUTED";
    row.md5sum = "9:d41d8cd98f00b204e9800998ecf8427e";
    row.description = "empty";
    row.comments = "";
    row.liquibase = kLiquibaseCompatibleVersion;
    row.deployment_id = DeploymentId();
    connection.Execute(sql_.Insert(row));
  }
  connection.Execute(sql_.TagLatest(tag));
}

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
  }
  std::vector<const HistoryRow*> out;
  for (size_t i = rows.size(); i > 0; --i) {
    if (roll_back[i - 1]) out.push_back(&rows[i - 1]);
  }
  return out;
}

void Migrator::DoRollback(const History& history, const RollbackTarget& target, StatementSink& sink) {
  for (const HistoryRow* row : RowsToRollBack(history, target)) {
    auto it = std::find_if(change_sets_.begin(), change_sets_.end(), [&](const ChangeSet* cs) {
      return Lower(cs->id) == Lower(row->id) && Lower(cs->author) == Lower(row->author) &&
             Lower(NormalizeHistoryPath(cs->file_path)) == Lower(NormalizeHistoryPath(row->filename));
    });
    if (it == change_sets_.end()) {
      throw MigrationError("cannot roll back " + row->filename + "::" + row->id + "::" + row->author +
                           ": it is recorded in " + sql_.ChangeLogTable() + " but not in " + options_.changelog_display);
    }
    const ChangeSet& cs = **it;
    auto statements = StatementsFor(cs, true, history);
    sink.Comment("Rolling Back ChangeSet: " + NameOf(cs));
    try {
      sink.Begin();
      for (const auto& statement : statements) sink.RunChange(statement);
      sink.Run({sql_.Delete(row->id, row->author, row->filename), ";"});
      sink.Commit();
    } catch (const DatabaseError& e) {
      sink.Rollback();
      throw MigrationError("Rollback failed for changeset " + NameOf(cs) + " (" + cs.location.ToString() +
                           "):\n  Reason: " + e.what());
    }
  }
}

int Migrator::Rollback(const RollbackTarget& target) {
  Connection& connection = RequireConnection("rollback");
  LockService lock(connection, sql_, options_.lock);
  lock.Acquire();
  History history = ReadHistory();
  const int count = static_cast<int>(RowsToRollBack(history, target).size());
  LiveSink sink(connection);
  DoRollback(history, target, sink);
  lock.Release();
  return count;
}

void Migrator::RollbackSql(std::ostream& out, const RollbackTarget& target) {
  RequireConnection("rollback-sql");
  History history = ReadHistory();
  ScriptSink sink(out, database_);
  WriteScriptPrologue(sink);
  WriteScriptHeader(out, target.tag ? "Rollback to '" + *target.tag + "' Script"
                                    : "Rollback " + std::to_string(target.count.value_or(0)) + " Change(s) Script");
  DoRollback(history, target, sink);
  WriteScriptEpilogue(sink);
}

void Migrator::ClearCheckSums() {
  Connection& connection = RequireConnection("clear-checksums");
  if (connection.TableExists(sql_.ChangeLogTable())) connection.Execute(sql_.ClearCheckSums());
}

void Migrator::ReleaseLocks() {
  Connection& connection = RequireConnection("release-locks");
  LockService(connection, sql_, options_.lock).ForceRelease();
}

void Migrator::DropAll() {
  Connection& connection = RequireConnection("drop-all");
  auto quote = [](const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  const bool pg = connection.kind() == DatabaseKind::kPostgresql;
  if (!pg) connection.Execute("PRAGMA foreign_keys = OFF");
  for (const auto& view : connection.Views()) connection.Execute("DROP VIEW " + quote(view) + (pg ? " CASCADE" : ""));
  for (const auto& table : connection.Tables()) connection.Execute("DROP TABLE " + quote(table) + (pg ? " CASCADE" : ""));
  for (const auto& sequence : connection.Sequences()) connection.Execute("DROP SEQUENCE " + quote(sequence) + " CASCADE");
  if (!pg) connection.Execute("PRAGMA foreign_keys = ON");
}

}  // namespace ledgerhost::migration
