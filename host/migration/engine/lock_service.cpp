#include "migration/engine/lock_service.h"

#include <signal.h>
#include <unistd.h>

#include <regex>
#include <thread>

#include "core/error.h"
#include "core/logging.h"

namespace ledgerhost::migration {
namespace {

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

// Advisory-lock key: the lock table of the current schema, so separate schemas lock separately.
const char* kAdvisoryKey = "hashtext(current_schema() || '.databasechangeloglock')";

bool IsTrue(const std::optional<std::string>& value) {
  return value && (*value == "1" || *value == "t" || *value == "true" || *value == "TRUE");
}

}  // namespace

LockService::LockService(Connection& connection, const HistorySql& sql, LockOptions options)
    : connection_(connection), sql_(sql), options_(options) {}

LockService::~LockService() {
  if (!held_) return;
  try {
    Release();
  } catch (const std::exception& e) {
    Logger("migration")->error("could not release the changelog lock: {}", e.what());
  }
}

std::string LockService::Holder() { return HostName() + " (ledgerhost pid " + std::to_string(getpid()) + ")"; }

bool LockService::EnsureTable() {
  if (connection_.TableExists(sql_.LockTable())) {
    if (connection_.QueryScalar("SELECT COUNT(*) FROM " + sql_.LockTable()).value_or("0") != "0") return false;
    connection_.Begin();
    try {
      for (const auto& statement : sql_.InitializeLockTable()) connection_.Execute(statement);
      connection_.Commit();
    } catch (...) {
      connection_.Rollback();
      throw;
    }
    return false;
  }
  try {
    connection_.Begin();
    connection_.Execute(sql_.CreateLockTable());
    for (const auto& statement : sql_.InitializeLockTable()) connection_.Execute(statement);
    connection_.Commit();
  } catch (const DatabaseError&) {
    // Another updater created it at the same moment: theirs is as good as ours.
    connection_.Rollback();
    if (!connection_.TableExists(sql_.LockTable())) throw;
  }
  return true;
}

bool LockService::IsStale(const std::string& locked_by) {
  static const std::regex ours(R"(^(.*) \(ledgerhost pid (\d+)\)$)");
  std::smatch match;
  if (!std::regex_match(locked_by, match, ours)) return false;  // another tool's lock: never taken over
  if (connection_.kind() == DatabaseKind::kPostgresql) return advisory_held_;  // its holder's session is gone
  if (match[1].str() != HostName()) return false;
  const pid_t pid = static_cast<pid_t>(std::stol(match[2].str()));
  return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH;
}

bool LockService::TryAcquire() {
  if (connection_.kind() == DatabaseKind::kPostgresql && !advisory_held_) {
    advisory_held_ = IsTrue(connection_.QueryScalar(std::string("SELECT pg_try_advisory_lock(") + kAdvisoryKey + ")"));
    if (!advisory_held_) return false;  // a live ledgerhost holds it
  }
  auto rows = connection_.Query(sql_.SelectLocked());
  if (!rows.empty() && IsTrue(rows[0][0])) {
    const std::string locked_by = rows[0][1].value_or("");
    if (!IsStale(locked_by)) return false;
    Logger("migration")->warn("taking over the changelog lock left by {} since {}: that holder is gone", locked_by,
                              rows[0][2].value_or("?"));
    connection_.Execute(sql_.Unlock());
  }
  connection_.Execute(sql_.Lock(Holder()));
  // The UPDATE only matches an unlocked row; confirm that we are the holder now.
  auto after = connection_.Query(sql_.SelectLocked());
  held_ = !after.empty() && IsTrue(after[0][0]) && after[0][1].value_or("") == Holder();
  return held_;
}

void LockService::Acquire() {
  EnsureTable();
  const auto deadline = std::chrono::steady_clock::now() + options_.wait;
  while (true) {
    if (TryAcquire()) return;
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(
        options_.poll, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()) +
                           std::chrono::milliseconds(1)));
  }
  auto rows = connection_.Query(sql_.SelectLocked());
  std::string holder = rows.empty() ? "?" : rows[0][1].value_or("another ledgerhost");
  std::string since = rows.empty() ? "?" : rows[0][2].value_or("?");
  throw MigrationError("Could not acquire change log lock.  Currently locked by " + holder + " since " + since +
                       ". If no update is running, clear it with 'ledgerhost db release-locks'.");
}

void LockService::Release() {
  if (held_) {
    connection_.Execute(sql_.Unlock());
    held_ = false;
  }
  if (advisory_held_) {
    connection_.Query(std::string("SELECT pg_advisory_unlock(") + kAdvisoryKey + ")");
    advisory_held_ = false;
  }
}

void LockService::ForceRelease() {
  EnsureTable();
  connection_.Execute(sql_.Unlock());
  held_ = false;
}

}  // namespace ledgerhost::migration
