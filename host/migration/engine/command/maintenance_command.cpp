// clear-checksums, release-locks, drop-all.
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
