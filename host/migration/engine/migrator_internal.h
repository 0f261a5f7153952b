// What the migrator's commands share beyond the Migrator class: the history row's derived fields,
// script headers, <modifySql>, and the Plan/RunState of one run over the changelog. Private to
// migration/engine (migrator.cpp and command/*.cpp).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "migration/engine/migrator.h"
#include "core/text.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {
namespace migrator_detail {

using text::Lower;
using text::Trim;

// Liquibase's StringUtil.limitSize: longer text keeps max-3 characters and gains "...".
std::string LimitSize(const std::string& text, size_t max);
// ChangeSet.buildFullContext / buildFullLabels: the CONTEXTS and LABELS columns.
std::optional<std::string> FullContexts(const ChangeSet& cs);
std::optional<std::string> FullLabels(const ChangeSet& cs);
// DEPLOYMENT_ID: the last 10 digits of the current time in milliseconds.
std::string DeploymentId();
// "Ran at:" in Java's SHORT date-time style: 11/22/26, 9:57 PM.
std::string JavaShortDateTime();
std::string NameOf(const ChangeSet& cs);
// "<file:line>: changeset id::author"
std::string Where(const ChangeSet& cs);
// Advice in the changelog's own syntax, by its file's extension (XML when unknown): how to declare a
// rollback, and how to accept a checksum with validCheckSum.
std::string RollbackAdvice(const std::string& change_log_path);
std::string ValidCheckSumAdvice(const std::string& change_log_path, const std::string& check_sum);
// The tag of the changeset's tagDatabase change, or nullptr.
const std::string* TagOf(const ChangeSet& cs);
// <modifySql>: append, prepend, replace, regExpReplace, applied to every generated statement.
void ApplySqlVisitors(const ChangeSet& cs, bool rollback, db::DatabaseKind database, const std::vector<std::string>& contexts,
                      const std::string& label_filter, std::vector<SqlStatement>& statements);

// SQLite's table rebuilds drop and re-create tables other tables reference, which with foreign keys
// enforced would cascade or fail; SQLite switches enforcement only outside a transaction. Liquibase's
// SQLite JDBC connection does not enforce them either. While it lives (an update or rollback under
// the changelog lock) enforcement is off; then back on, and ALTER TABLE out of legacy mode (a failed
// rebuild may leave it on), whatever happened. A no-op on other databases.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(db::Connection& connection);
  ~ForeignKeysOff();
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  db::Connection& connection_;
  bool was_on_ = false;
};

// A stop change ends the update where it stands, as Liquibase's StopChange does.
struct StopRequested {
  std::string message;
};

}  // namespace migrator_detail

struct Migrator::Plan {
  std::vector<std::pair<const ChangeSet*, const HistoryRow*>> to_run;  // row = previous row when re-running
  std::vector<const ChangeSet*> checksum_updates;  // already ran, stored checksum NULL or older version
  UpdateSummary summary;
};

struct Migrator::RunState {
  std::string deployment_id = migrator_detail::DeploymentId();
  int order_executed = 0;
  // Liquibase's offline scripts number ORDEREXECUTED 1,3,5,...: its offline history CSV and the
  // script draw from one counter. Offline scripts copy that so they match Liquibase byte for byte.
  int order_step = 1;
  UpdateSummary summary;
  const History* history = nullptr;
  std::vector<HistoryRow> recorded;  // rows this run wrote (or scripted), for changeSetExecuted
  std::set<const ChangeSet*> marked_ran_by_policy;  // customChange without implementation, --custom-change mark-ran
};

}  // namespace ledgerhost::migration
