// tag and tag-exists.
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

bool Migrator::TagExists(const std::string& tag) {
  History history = ReadHistory();
  return std::any_of(history.rows().begin(), history.rows().end(),
                     [&](const HistoryRow& r) { return r.tag && *r.tag == tag; });
}

void Migrator::Tag(const std::string& tag) {
  db::Connection& connection = RequireConnection("tag");
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

}  // namespace ledgerhost::migration
