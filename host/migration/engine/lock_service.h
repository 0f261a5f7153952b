// DATABASECHANGELOGLOCK as Liquibase 4.28 uses it (create, initialise, UPDATE ... WHERE LOCKED = FALSE,
// release), so Liquibase and ledgerhost exclude each other. Unlike Liquibase, a lock left behind by a
// crashed ledgerhost is recognised and taken over instead of blocking every later update. Whether its
// holder lives is a fact, not a guess from a pid (which another PID namespace, a container sharing the
// volume, cannot see): every ledgerhost holder also holds a lock that dies with it
// (Connection::TryHoldLivenessLock),
// - on PostgreSQL a session advisory lock, which the server frees when the session ends;
// - on SQLite an exclusive flock() on `<database file>-changeloglock`, which the kernel frees when the
//   process ends (also across containers on one host, and over NFS as a POSIX lock).
// A LOCKED row whose ledgerhost holder's lock is free is stale. Waiters wait on that lock (checked
// every 100 ms), not on the row, and log once who holds it. Rows written by other tools (Liquibase)
// are never taken over: the wait ends with Liquibase's message and the hint to run release-locks.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "db/connection.h"
#include "migration/engine/history_sql.h"

namespace ledgerhost::migration {

struct LockOptions {
  std::chrono::milliseconds wait{std::chrono::minutes(5)};  // Liquibase's changelogLockWaitTimeInMinutes
  std::chrono::milliseconds poll{std::chrono::seconds(10)};  // changelogLockPollRate
};

class LockService {
 public:
  LockService(db::Connection& connection, const HistorySql& sql, LockOptions options = {});
  ~LockService();  // releases a held lock; errors there are logged, not thrown

  // Creates and initialises the lock table when needed. Returns true if it had to create it.
  bool EnsureTable();
  // Takes the lock, waiting up to options.wait. Throws MigrationError naming the holder on timeout.
  void Acquire();
  void Release();
  // release-locks: clears the row whoever holds it.
  void ForceRelease();
  // list-locks: who holds the lock and since when (the database's time), or nothing. Read only: a
  // database without the lock table has no lock.
  struct Holding {
    std::string locked_by;
    std::string granted;
  };
  std::optional<Holding> CurrentHolding();
  bool held() const { return held_; }

  // LOCKEDBY text for this process: "<hostname> (ledgerhost pid <pid>)".
  static std::string Holder();

 private:
  enum class Attempt { kAcquired, kHolderAlive, kOtherTool };
  Attempt TryAcquire();
  void LogWaitOnce(bool& logged);

  db::Connection& connection_;
  const HistorySql& sql_;
  LockOptions options_;
  bool held_ = false;
};

}  // namespace ledgerhost::migration
