// validate: checksums, changes the database cannot express, customChange classes nothing can run.
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
#include "migration/sql/custom_change_registry.h"

namespace ledgerhost::migration {

using namespace migrator_detail;  // NOLINT: the migrator's own helpers

std::vector<ValidationFailure> Migrator::UnsupportedChanges() {
  std::vector<ValidationFailure> failures;
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
      try {
        GenerateSql(change, context);
      } catch (const UnsupportedChangeError& e) {
        // What Liquibase's validation reports: changes the database cannot express.
        // The generator's message starts with the change's location, which the failure carries apart.
        const std::string location = change.location.ToString();
        std::string detail = e.what();
        if (detail.rfind(location + ": ", 0) == 0) detail.erase(0, location.size() + 2);
        failures.push_back({ValidationFailure::Kind::kUnsupportedChange, cs.file_path, cs.id, cs.author, location,
                            detail, ""});
      } catch (const Error&) {
        // Other problems (SQLite rebuilds need live metadata) show when the changeset runs.
      }
    }
  }
  return failures;
}

void Migrator::CheckChangesSupported() {
  const auto failures = UnsupportedChanges();
  if (failures.empty()) return;
  std::string message = "Validation Failed:\n     " + std::to_string(failures.size()) + " changes have validation failures\n";
  for (const auto& f : failures) {
    message += "          " + f.location + ": changeset " + f.id + "::" + f.author + ": " + f.detail + "\n";
  }
  throw ChangeLogError(message);
}

std::vector<ValidationFailure> Migrator::ValidationFailures() {
  std::vector<ValidationFailure> failures = CheckSumFailures(ReadHistory());
  for (auto& failure : UnsupportedChanges()) failures.push_back(std::move(failure));
  return failures;
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

}  // namespace ledgerhost::migration
