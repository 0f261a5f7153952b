// DATABASECHANGELOGLOCK as Liquibase 4.28 uses it (create, initialise, UPDATE ... WHERE LOCKED = FALSE,
// release), so Liquibase and ledgerhost exclude each other. Unlike Liquibase, a lock left behind by a
// crashed ledgerhost is recognised and taken over instead of blocking every later update:
// - on PostgreSQL each holder also owns a session advisory lock, which the server frees when the
//   session dies; a LOCKED row whose ledgerhost holder has no advisory lock is stale;
// - on the same host, a LOCKED row naming a ledgerhost process that no longer exists is stale.
// Rows written by other tools (Liquibase) are never taken over: the wait ends with Liquibase's
// message and the hint to run release-locks.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "migration/engine/connection.h"
#include "migration/engine/history_sql.h"

namespace ledgerhost::migration {

struct LockOptions {
  std::chrono::milliseconds wait{std::chrono::minutes(5)};  // Liquibase's changelogLockWaitTimeInMinutes
  std::chrono::milliseconds poll{std::chrono::seconds(10)};  // changelogLockPollRate
};

class LockService {
 public:
  LockService(Connection& connection, const HistorySql& sql, LockOptions options = {});
  ~LockService();  // releases a held lock; errors there are logged, not thrown

  // Creates and initialises the lock table when needed. Returns true if it had to create it.
  bool EnsureTable();
  // Takes the lock, waiting up to options.wait. Throws MigrationError naming the holder on timeout.
  void Acquire();
  void Release();
  // release-locks: clears the row whoever holds it.
  void ForceRelease();
  bool held() const { return held_; }

  // LOCKEDBY text for this process: "<hostname> (ledgerhost pid <pid>)".
  static std::string Holder();

 private:
  bool TryAcquire();
  bool IsStale(const std::string& locked_by);

  Connection& connection_;
  const HistorySql& sql_;
  LockOptions options_;
  bool held_ = false;
  bool advisory_held_ = false;
};

}  // namespace ledgerhost::migration
