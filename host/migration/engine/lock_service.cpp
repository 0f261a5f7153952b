#include "migration/engine/lock_service.h"

#include <signal.h>
#include <unistd.h>

#include <csignal>

#include <regex>
#include <thread>

#include "core/error.h"
#include "core/logging.h"
#include "db/transaction.h"
#include "migration/engine/stop_signals.h"

namespace ledgerhost::migration {
namespace {

std::string HostName() {  // in LOCKEDBY, for people: liveness is the lock below, never this
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

bool IsTrue(const std::optional<std::string>& value) {
  return value && (*value == "1" || *value == "t" || *value == "true" || *value == "TRUE");
}

}  // namespace

LockService::LockService(db::Connection& connection, const HistorySql& sql, LockOptions options)
    : connection_(connection), sql_(sql), options_(options) {}

LockService::~LockService() {
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
    db::Transaction transaction(connection_);
    for (const auto& statement : sql_.InitializeLockTable()) connection_.Execute(statement);
    transaction.Commit();
    return false;
  }
  try {
    db::Transaction transaction(connection_);
    connection_.Execute(sql_.CreateLockTable());
    for (const auto& statement : sql_.InitializeLockTable()) connection_.Execute(statement);
    transaction.Commit();
  } catch (const DatabaseError&) {
    // Another updater created it at the same moment: theirs is as good as ours.
    if (!connection_.TableExists(sql_.LockTable())) throw;
  }
  return true;
}


LockService::Attempt LockService::TryAcquire() {
  if (!connection_.TryHoldLivenessLock()) return Attempt::kHolderAlive;
  static const std::regex ours(R"(^.* \(ledgerhost pid \d+\)$)");
  auto rows = connection_.Query(sql_.SelectLocked());
  if (!rows.empty() && IsTrue(rows[0][0])) {
    const std::string locked_by = rows[0][1].value_or("");
    // Another tool's lock is never taken over; a ledgerhost holder whose liveness lock we now hold is gone.
    if (!std::regex_match(locked_by, ours)) return Attempt::kOtherTool;
    Logger("migration")->warn("taking over the changelog lock left by {} since {}: that holder is gone", locked_by,
                              rows[0][2].value_or("?"));
    connection_.Execute(sql_.Unlock());
  }
  connection_.Execute(sql_.Lock(Holder()));
  // The UPDATE only matches an unlocked row; confirm that we are the holder now.
  auto after = connection_.Query(sql_.SelectLocked());
  held_ = !after.empty() && IsTrue(after[0][0]) && after[0][1].value_or("") == Holder();
  return held_ ? Attempt::kAcquired : Attempt::kOtherTool;
}

std::optional<LockService::Holding> LockService::CurrentHolding() {
  if (!connection_.TableExists(sql_.LockTable())) return std::nullopt;
  auto rows = connection_.Query(sql_.SelectLocked());
  if (rows.empty() || !IsTrue(rows[0][0])) return std::nullopt;
  return Holding{rows[0][1].value_or(""), rows[0][2].value_or("")};
}

void LockService::LogWaitOnce(bool& logged) {
  if (logged) return;
  logged = true;
  auto rows = connection_.Query(sql_.SelectLocked());
  const bool locked = !rows.empty() && IsTrue(rows[0][0]);
  Logger("migration")->info("waiting for the changelog lock held by {} since {}",
                            locked ? rows[0][1].value_or("?") : "another ledgerhost", locked ? rows[0][2].value_or("?") : "now");
}

void LockService::Acquire() {
  EnsureTable();
  const auto deadline = std::chrono::steady_clock::now() + options_.wait;
  bool logged = false;
  const StopSignals signals;  // end the wait, not the process
  while (true) {
    const Attempt attempt = TryAcquire();
    if (attempt == Attempt::kAcquired) return;
    if (std::chrono::steady_clock::now() >= deadline) break;
    LogWaitOnce(logged);
    // A ledgerhost holder frees its liveness lock the moment it ends: look again soon. Another tool's
    // row changes only when it releases it: Liquibase's poll rate. Either way in slices, to see a signal.
    const auto pause = attempt == Attempt::kHolderAlive ? std::chrono::milliseconds(100) : options_.poll;
    const auto wake = std::min(std::chrono::steady_clock::now() + pause, deadline);
    while (std::chrono::steady_clock::now() < wake && StopSignals::Received() == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (const int signal = StopSignals::Received(); signal != 0) {
      connection_.ReleaseLivenessLock();
      throw InterruptedError(signal == SIGTERM, std::string(StopSignals::Name(signal)) +
                                                    " while waiting for the changelog lock: nothing was applied");
    }
  }
  connection_.ReleaseLivenessLock();
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
  connection_.ReleaseLivenessLock();
}

void LockService::ForceRelease() {
  EnsureTable();
  connection_.Execute(sql_.Unlock());
  held_ = false;
}

}  // namespace ledgerhost::migration
