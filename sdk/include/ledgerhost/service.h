// Services: long-running parts of a plugin that the host starts after migrations and the vault,
// in dependency order, and stops in reverse order on shutdown.
#pragma once

#include <string>

namespace soci {
class session;  // plugins that query the database include <soci/soci.h> themselves
}

namespace ledgerhost {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// What a service receives from the host. Valid from Start() until Stop() returns.
class ServiceHub {
 public:
  virtual ~ServiceHub() = default;
  // Logs through the host's logger for this plugin (plugins never link the host's logging library).
  virtual void Log(LogLevel level, const std::string& message) = 0;
  // The plugin's own configuration value for `key`, or "" when unset.
  virtual std::string Config(const std::string& key) const = 0;
  // A direct database session in the host's transaction, like Corda's jdbcSession(). Not thread-safe:
  // use it from the thread that called Start().
  virtual soci::session& Session() = 0;
};

class Service {
 public:
  virtual ~Service() = default;
  // Called once, after every service this one depends on has started. Throwing stops the node.
  virtual void Start(ServiceHub& hub) = 0;
  // Called once, in reverse start order. Must not throw.
  virtual void Stop() noexcept {}
};

}  // namespace ledgerhost
