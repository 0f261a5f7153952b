#include "migration/engine/lock_service.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <regex>
#include <thread>

#include "core/error.h"
#include "core/logging.h"
#include "migration/engine/transaction.h"

namespace ledgerhost::migration {
namespace {

std::string HostName() {  // in LOCKEDBY, for people: liveness is the lock below, never this
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

// Advisory-lock key: the lock table of the current schema, so separate schemas lock separately.
const char* kAdvisoryKey = "hashtext(current_schema() || '.databasechangeloglock')";

// SIGINT/SIGTERM while waiting for the lock end the wait (the caller then exits 130/143) instead of
// killing the process mid-statement. A signal the process was started ignoring (a non-interactive
// shell's `&` ignores SIGINT) stays ignored.
volatile std::sig_atomic_t g_wait_signal = 0;
extern "C" void OnWaitSignal(int signal) { g_wait_signal = signal; }

class SignalsEndTheWait {
 public:
  SignalsEndTheWait() {
    g_wait_signal = 0;
    for (int i = 0; i < 2; ++i) {
      struct sigaction handler {};
      handler.sa_handler = OnWaitSignal;
      sigemptyset(&handler.sa_mask);
      sigaction(kSignals[i], nullptr, &previous_[i]);
      if (previous_[i].sa_handler != SIG_IGN) sigaction(kSignals[i], &handler, nullptr);
    }
  }
  ~SignalsEndTheWait() {
    for (int i = 0; i < 2; ++i) sigaction(kSignals[i], &previous_[i], nullptr);
  }
  SignalsEndTheWait(const SignalsEndTheWait&) = delete;
  SignalsEndTheWait& operator=(const SignalsEndTheWait&) = delete;
  int received() const { return g_wait_signal; }

 private:
  static constexpr int kSignals[2] = {SIGINT, SIGTERM};
  struct sigaction previous_[2] {};
};

bool IsTrue(const std::optional<std::string>& value) {
  return value && (*value == "1" || *value == "t" || *value == "true" || *value == "TRUE");
}

}  // namespace

LockService::LockService(Connection& connection, const HistorySql& sql, LockOptions options)
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
    Transaction transaction(connection_);
    for (const auto& statement : sql_.InitializeLockTable()) connection_.Execute(statement);
    transaction.Commit();
    return false;
  }
  try {
    Transaction transaction(connection_);
    connection_.Execute(sql_.CreateLockTable());
    for (const auto& statement : sql_.InitializeLockTable()) connection_.Execute(statement);
    transaction.Commit();
  } catch (const DatabaseError&) {
    // Another updater created it at the same moment: theirs is as good as ours.
    if (!connection_.TableExists(sql_.LockTable())) throw;
  }
  return true;
}

bool LockService::TakeLivenessLock() {
  if (connection_.kind() == DatabaseKind::kPostgresql) {
    if (!advisory_held_) {
      advisory_held_ = IsTrue(connection_.QueryScalar(std::string("SELECT pg_try_advisory_lock(") + kAdvisoryKey + ")"));
    }
    return advisory_held_;
  }
  if (connection_.kind() != DatabaseKind::kSqlite || file_lock_ >= 0) return true;
  std::string file;
  for (const auto& row : connection_.Query("PRAGMA database_list")) {
    if (row.size() > 2 && row[1].value_or("") == "main") file = row[2].value_or("");
  }
  if (file.empty()) return true;  // in memory: one process only
  const std::string path = file + "-changeloglock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw MigrationError("cannot open the changelog lock file " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) return false;
    throw MigrationError("cannot lock " + path + ": " + std::strerror(error));
  }
  file_lock_ = fd;
  return true;
}

void LockService::DropLivenessLock() {
  if (advisory_held_) {
    connection_.Query(std::string("SELECT pg_advisory_unlock(") + kAdvisoryKey + ")");
    advisory_held_ = false;
  }
  if (file_lock_ >= 0) {
    ::flock(file_lock_, LOCK_UN);
    ::close(file_lock_);
    file_lock_ = -1;
  }
}

LockService::Attempt LockService::TryAcquire() {
  if (!TakeLivenessLock()) return Attempt::kHolderAlive;
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
  const SignalsEndTheWait signals;
  while (true) {
    const Attempt attempt = TryAcquire();
    if (attempt == Attempt::kAcquired) return;
    if (std::chrono::steady_clock::now() >= deadline) break;
    LogWaitOnce(logged);
    // A ledgerhost holder frees its liveness lock the moment it ends: look again soon. Another tool's
    // row changes only when it releases it: Liquibase's poll rate. Either way in slices, to see a signal.
    const auto pause = attempt == Attempt::kHolderAlive ? std::chrono::milliseconds(100) : options_.poll;
    const auto wake = std::min(std::chrono::steady_clock::now() + pause, deadline);
    while (std::chrono::steady_clock::now() < wake && signals.received() == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (const int signal = signals.received(); signal != 0) {
      DropLivenessLock();
      throw InterruptedError(signal == SIGTERM, std::string(signal == SIGTERM ? "SIGTERM" : "SIGINT") +
                                                    " while waiting for the changelog lock: nothing was applied");
    }
  }
  DropLivenessLock();
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
  DropLivenessLock();
}

void LockService::ForceRelease() {
  EnsureTable();
  connection_.Execute(sql_.Unlock());
  held_ = false;
}

}  // namespace ledgerhost::migration
