// Services: long-running parts of a plugin that the host starts after migrations and the vault,
// in dependency order, and stops in reverse order on shutdown.
//
// Lifetime: the host creates a service through the plugin's factory (LEDGERHOST_PLUGIN's
// plugin.AddService<T>()), calls Start() once and Stop() once, then destroys it with the plugin's own
// deleter, so allocation and deallocation stay in the plugin. The plugin library stays loaded while
// any of its services exists.
#pragma once

#include <string>
#include <vector>

namespace soci {
class session;  // plugins that query the database include <soci/soci.h> themselves
}

namespace ledgerhost {

struct Party;
class ContractState;

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// The node's store of states. Minimal for now; grows with the vault issue.
class Vault {
 public:
  virtual ~Vault() = default;
  // Number of unconsumed states of the given type name (ContractState::TypeName()).
  virtual long long CountUnconsumed(const std::string& state_type) = 0;
};

// The identities the node knows: its own and well-known parties by X.500 name.
class IdentityService {
 public:
  virtual ~IdentityService() = default;
  // The node's own legal identity.
  virtual const Party& OurIdentity() const = 0;
  // The well-known party named `x500_name`, or nullptr when unknown. The pointer stays valid while
  // the hub does.
  virtual const Party* WellKnownParty(const std::string& x500_name) const = 0;
};

// What a service receives from the host (implemented by the host). The reference passed to Start()
// is valid until Stop() returns; the service must not keep it longer. Unless stated otherwise,
// methods may be called from any thread.
class ServiceHub {
 public:
  virtual ~ServiceHub() = default;
  // Logs through the host's logger for this plugin ("plugin.<name>"); plugins never link the host's
  // logging library. `message` is copied.
  virtual void Log(LogLevel level, const std::string& message) = 0;
  // The plugin's own configuration value for `key` (from node.yaml), or "" when unset.
  virtual std::string Config(const std::string& key) const = 0;
  // A database session in the host's current transaction, like Corda's jdbcSession(). Owned by the
  // host. Not thread-safe: use it only from the thread that called Start().
  virtual soci::session& Session() = 0;
  // The node's vault and identities; owned by the host, valid as long as the hub.
  virtual Vault& GetVault() = 0;
  virtual IdentityService& Identities() = 0;
};

class Service {
 public:
  virtual ~Service() = default;
  // Called once, after every service this one depends on has started, on the host's startup thread.
  // Throwing stops the node; the exception's message is reported with the plugin path.
  virtual void Start(ServiceHub& hub) = 0;
  // Called once, in reverse start order, before the hub goes away. Must not throw.
  virtual void Stop() noexcept {}
};

}  // namespace ledgerhost
