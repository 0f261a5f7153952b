// The migration engine's commands over one or more changelogs and one database: update and its
// variants, update-sql, status, validate, history, tag, rollback, changelog-sync, clear-checksums,
// drop-all and release-locks. It knows nothing of plugins: it gets ChangeLogs and the ResourceLoader
// each one's files came from. Several changelogs run as one, in order, under one lock and one
// DATABASECHANGELOG, as Corda ran every schema's changelog of a node in one Liquibase update.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "db/connection.h"
#include "migration/engine/history_service.h"
#include "migration/engine/history_sql.h"
#include "migration/engine/lock_service.h"
#include "migration/model/change_log.h"
#include "migration/model/resource_loader.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {

class StatementSink;

// What to do with a pending changeset whose customChange names a Java class that has no native
// implementation (registered by the host or a plugin). Liquibase would run the class; ledgerhost
// cannot, so it refuses unless the operator decides otherwise for that class.
enum class CustomChangePolicy {
  kRefuse,   // the update stops before anything runs, listing every such changeset
  kMarkRan,  // the changeset is recorded MARK_RAN without running any of its changes (logged)
};

// "refuse" or "mark-ran" (--custom-change CLASS=POLICY, node.yaml database.customChanges); throws
// ConfigError naming `where` otherwise.
CustomChangePolicy ParseCustomChangePolicy(const std::string& text, const std::string& where);

struct MigratorOptions {
  std::vector<std::string> contexts;  // runtime contexts; empty = every changeset matches
  std::string label_filter;           // runtime label expression; empty = every changeset matches
  std::string changelog_display;      // "Change Log:" line of scripts (defaults to the root path)
  std::string database_display;       // "Against:" line of scripts: user@redacted-url
  LockOptions lock;
  std::map<std::string, CustomChangePolicy> custom_changes;  // Java class name -> policy (default kRefuse)
  // Offline scripts (no connection): whether they create DATABASECHANGELOG and write its rows
  // (DatabaseUrl's outputLiquibaseSql).
  bool offline_history_table = true;
  bool offline_history_rows = true;
};

// How far an update goes.
struct UpdateLimit {
  std::optional<int> count;         // update-count N: at most N changesets run
  std::optional<std::string> tag;   // update-to-tag T: up to and including the changeset tagging T

  // changelog-sync-to-tag: the changesets already run count on the way to the tag too, so that a tag
  // already in the history (a row's TAG, or its tagDatabase) ends the run there (Liquibase puts its
  // UpToTagChangeSetFilter first there, and after the ran-changeset filter for update-to-tag).
  bool ran_changesets_reach_tag = false;

  static UpdateLimit Count(int n) { return {n, std::nullopt}; }
  static UpdateLimit ToTag(std::string t) { return {std::nullopt, std::move(t)}; }
  static UpdateLimit SyncToTag(std::string t) { return {std::nullopt, std::move(t), true}; }
};

struct UpdateSummary {
  int run = 0;
  int previously_run = 0;
  int filtered_out = 0;
  int failed = 0;  // failOnError=false changesets that failed (not recorded)
  int total = 0;
};

// A changeset that update would run, and why.
struct PendingChangeSet {
  const ChangeSet* change_set = nullptr;
  std::string reason;  // "not run", "runAlways", "runOnChange (checksum changed)"
};

// Which row a tag names when several rows carry it (Liquibase's --tag-version).
enum class TagVersion { kOldest, kNewest };

struct RollbackTarget {
  std::optional<std::string> tag;  // rollback --tag T: every row after the row tagged T (see TagVersion)
  std::optional<int> count;        // rollback-count N: the last N rows
  TagVersion tag_version = TagVersion::kOldest;  // Liquibase 4.28's default
  // rollback-to-date D: every row executed strictly after D (SortableTimestamp text; the database's
  // DATEEXECUTED is compared as the database returns it: UTC on SQLite, the session's zone elsewhere).
  std::optional<std::string> after;

  static RollbackTarget ToTag(std::string t) {
    RollbackTarget target;
    target.tag = std::move(t);
    return target;
  }
  static RollbackTarget Count(int n) {
    RollbackTarget target;
    target.count = n;
    return target;
  }
  static RollbackTarget ToDate(std::string sortable) {
    RollbackTarget target;
    target.after = std::move(sortable);
    return target;
  }
};

// One changelog and the resources its files are read from (sqlFile, loadData, checksums). Both must
// outlive the Migrator.
struct ChangeLogSource {
  const ChangeLog* change_log = nullptr;
  const ResourceLoader* loader = nullptr;
};

// One problem validation found (Liquibase's ValidationFailedException lists them by kind).
struct ValidationFailure {
  enum class Kind { kCheckSumChanged, kUnsupportedChange };
  Kind kind;
  std::string file;      // the changeset's file as DATABASECHANGELOG records it
  std::string id;
  std::string author;
  std::string location;  // file:line of the changeset or change
  std::string detail;    // "was: 9:... but is now: 9:...", or the database's refusal
  std::string current_check_sum;  // kCheckSumChanged: the changeset's checksum now (what validCheckSum takes)
};

class Migrator {
 public:
  // `connection` may be null for SQL generation against an offline database.
  Migrator(const ChangeLog& change_log, const ResourceLoader& loader, db::DatabaseKind database, db::Connection* connection,
           MigratorOptions options = {});
  // Several changelogs, run in the given order as one. Two changesets with the same file, id and
  // author are a ChangeLogError.
  Migrator(std::vector<ChangeLogSource> sources, db::DatabaseKind database, db::Connection* connection,
           MigratorOptions options = {});
  ~Migrator();

  UpdateSummary Update(const UpdateLimit& limit = {});
  // Writes the script update would run; touches nothing in the database (not even the lock). On
  // SQLite the script's statements run on a scratch copy of the database as they are written (see
  // WriteScript), so table rebuilds are in it and it is exactly what update runs.
  void UpdateSql(std::ostream& out, const UpdateLimit& limit = {});
  // Called after each changeset update applies to the database (not for scripts or syncs), with how
  // long it took: the node's migration metrics.
  using AppliedObserver = std::function<void(const ChangeSet&, std::chrono::duration<double>)>;
  void OnChangeSetApplied(AppliedObserver observer) { on_applied_ = std::move(observer); }
  // Records the pending changesets as EXECUTED without running them: every one, or as far as `limit`
  // goes (changelog-sync-to-tag: up to and including the changeset tagging T; mark-next-changeset-ran:
  // count 1).
  void ChangelogSync(const UpdateLimit& limit = {});
  void ChangelogSyncSql(std::ostream& out, const UpdateLimit& limit = {});

  std::vector<PendingChangeSet> Pending();
  // What validation finds, without throwing: executed changesets whose checksum changed, then
  // changes the database cannot express.
  std::vector<ValidationFailure> ValidationFailures();
  // Parses, checks checksums against the history and that every change can be generated for the
  // database. Throws the first kind of failure found, listing each, as Liquibase's message does.
  void Validate();
  std::vector<HistoryRow> HistoryRows();
  // unexpected-changesets: recorded rows that no selected changeset of the changelogs matches
  // (Liquibase's ExpectedChangesVisitor: a changeset the contexts or labels leave out is unexpected).
  std::vector<HistoryRow> UnexpectedChangeSets();

  void Tag(const std::string& tag);
  bool TagExists(const std::string& tag);
  int Rollback(const RollbackTarget& target);  // returns how many changesets were rolled back
  void RollbackSql(std::ostream& out, const RollbackTarget& target);
  // future-rollback-sql / future-rollback-count-sql: the script that would undo what update would
  // run now (every pending changeset the contexts and labels select, or the first `count`), newest
  // first, each with its DATABASECHANGELOG row's DELETE. Changesets already run (runAlways and
  // runOnChange included) are not in it. On SQLite the pending changesets are first applied to the
  // scratch copy, so that inverses that read a table (rebuilds) see it as update would leave it.
  void FutureRollbackSql(std::ostream& out, std::optional<int> count = std::nullopt);

  // execute-sql: runs the statements of `sql` (split as <sql> is, comments stripped) in one
  // transaction and returns what Liquibase prints: each query's columns and rows, each other
  // statement as "Successfully Executed". A failing statement undoes the others and throws (on
  // MySQL/MariaDB a DDL statement commits what came before it, as it does for Liquibase).
  std::string ExecuteSql(const std::string& sql, const std::optional<std::string>& delimiter);
  void ClearCheckSums();
  // calculate-checksum: the checksum of the changeset `path::id::author` (whatever the contexts and
  // labels select), in the version its DATABASECHANGELOG row has (8 or 9), else the latest (9).
  // ChangeLogError when the changelog has no such changeset.
  std::string CalculateCheckSum(const std::string& path, const std::string& id, const std::string& author);
  void ReleaseLocks();
  // list-locks: the changelog lock's holder and since when, or nothing.
  std::optional<LockService::Holding> ListLocks();
  void DropAll();

 private:
  struct Plan;
  struct RunState;

  Plan MakePlan(const History& history, const UpdateLimit& limit);
  // A run over a plan, numbering ORDEREXECUTED after the history's last (offline scripts count in
  // steps of 2, as Liquibase's do).
  RunState StartRun(const History& history) const;
  // The node's search path to return to when `cs` runs in its family's schema (ChangeSet::
  // search_schema, PostgreSQL), else nullopt; and the SET that makes the family's schema first.
  std::optional<std::string> NodeSearchPathFor(const ChangeSet& cs) const;
  std::string SearchPathInto(const ChangeSet& cs, const std::string& node_search_path) const;
  std::string SetSearchPath(const std::string& path) const;  // set_config with the path as a literal
  // After a changeset failed: its transaction rolled back, or (runInTransaction=false) the node's
  // search path restored. Never throws.
  void UndoChangeSetSession(StatementSink& sink, bool transactional,
                            const std::optional<std::string>& node_search_path) const;
  // Runs `body` holding the changelog lock, with DATABASECHANGELOG created first when missing; the
  // lock is released after it, whatever happens.
  void UnderChangeLogLock(db::Connection& connection, const std::function<void()>& body);
  // InterruptedError when SIGINT/SIGTERM arrived under a StopSignals guard that is still up.
  static void ThrowIfStopRequested(const std::string& what_was_done);
  // The changelog-level <preConditions> of every source: false when one says CONTINUE (skip the
  // update); throws MigrationError when one says HALT.
  bool ChangeLogPreconditionsPass(db::Connection& connection, const History& history);
  std::vector<ValidationFailure> CheckSumFailures(const History& history) const;
  std::vector<ValidationFailure> UnsupportedChanges();
  // Throw MigrationError / ChangeLogError listing the failures, when there are any.
  void CheckCheckSums(const History& history) const;
  // Throws ChangeLogError listing every selected change the database cannot express.
  void CheckChangesSupported();
  // Throws ChangeLogError listing every pending changeset with a customChange that can run neither
  // natively nor by policy; returns those the policy marks ran.
  std::set<const ChangeSet*> CheckCustomChanges(const Plan& plan) const;
  void RunPlan(const Plan& plan, RunState& state, StatementSink& sink, bool sync_only);
  void RunChangeSet(const ChangeSet& change_set, const HistoryRow* previous, RunState& state, StatementSink& sink,
                    bool sync_only);
  std::vector<SqlStatement> StatementsFor(const ChangeSet& change_set, bool rollback, const History& history);
  std::vector<const HistoryRow*> RowsToRollBack(const History& history, const RollbackTarget& target) const;
  void DoRollback(const History& history, const RollbackTarget& target, StatementSink& sink);
  // One changeset's rollback in its own transaction: its statements, then its row's DELETE.
  void RollBackChangeSet(const ChangeSet& cs, const HistoryRow& row, const History& history, StatementSink& sink);
  // Runs `body` with the sink of a script written to `out`: on SQLite a RehearsalSink over a scratch
  // copy of the database, which the engine reads instead of the database meanwhile (an empty
  // database when there is none); elsewhere a ScriptSink.
  void WriteScript(std::ostream& out, const std::function<void(StatementSink&)>& body);
  void WriteScriptHeader(std::ostream& out, const std::string& title) const;
  void WriteScriptPrologue(StatementSink& sink) const;
  void WriteScriptEpilogue(StatementSink& sink) const;
  bool Selected(const ChangeSet& change_set) const;
  const std::string& CheckSumOf(const ChangeSet& change_set);
  const ResourceLoader& LoaderOf(const ChangeSet& change_set) const;
  History ReadHistory();
  db::Connection& RequireConnection(const char* command) const;
  // execute-sql's statements and Liquibase's report of them (ExecuteSql holds the transaction).
  std::string ExecuteStatements(db::Connection& connection, const std::vector<std::string>& statements) const;

  std::vector<ChangeLogSource> sources_;
  std::vector<const ChangeSet*> change_sets_;  // every source's changesets, in run order
  std::vector<size_t> source_of_;              // per change_sets_ index: its source
  std::map<const ChangeSet*, size_t> index_of_;
  db::DatabaseKind database_;
  db::Connection* connection_;
  MigratorOptions options_;
  HistorySql sql_;
  std::vector<std::string> checksums_;  // per change_sets_ index, computed on first use
  AppliedObserver on_applied_;
};

}  // namespace ledgerhost::migration
