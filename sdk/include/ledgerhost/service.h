// Services: long-running parts of a plugin that the host starts after migrations and the vault,
// in dependency order, and stops in reverse order on shutdown.
//
// Lifetime: the host creates a service through the plugin's factory (LEDGERHOST_PLUGIN's
// plugin.AddService<T>()), calls Start() once and Stop() once, then destroys it with the plugin's own
// deleter, so allocation and deallocation stay in the plugin. The plugin library stays loaded while
// any of its services exists.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ledgerhost/balances.h"
#include "ledgerhost/session.h"
#include "ledgerhost/state.h"

namespace ledgerhost {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// The host's own mapped schema family: its tables (vault_states, state_party, ...) can be named in
// ServiceHub::TableName like any plugin table.
inline constexpr const char* kNodeSchemaFamily = "ledgerhost.node";
inline constexpr int kNodeSchemaVersion = 1;

// What a transaction did to the vault: its outputs become states (StateRef = {id, position}) and
// the states it spent become consumed.
struct RecordedTransaction {
  std::string id;  // the transaction hash, hex (at most 144 characters)
  std::vector<std::shared_ptr<const ContractState>> outputs;
  std::vector<StateRef> inputs;  // states this transaction consumes
  std::string notary_name;       // X.500 name of the notary, or ""
};

enum class StateStatus { kUnconsumed = 0, kConsumed = 1 };

// The node's store of states (implemented by the host).
class Vault {
 public:
  virtual ~Vault() = default;
  // Records `transaction` in one database transaction (or in the caller's, when one is open on the
  // hub's session): a vault_states row per output, its participants' X.500 names, the rows of every
  // selected mapped schema the output supports (QueryableState::GenerateMappedObject), and the
  // inputs marked consumed. Throws on a duplicate StateRef, an unknown input, or a mapped row that
  // names a table or column its schema does not declare; nothing is written then.
  virtual void Record(const RecordedTransaction& transaction) = 0;
  // Number of unconsumed states of the given type name (ContractState::TypeName()).
  virtual long long CountUnconsumed(const std::string& state_type) = 0;
  // The unconsumed states of the given type, oldest first.
  virtual std::vector<StateRef> Unconsumed(const std::string& state_type) = 0;
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
  // The node's database session, like Corda's jdbcSession(), for as long as the returned lease
  // lives (ledgerhost/session.h): the node's one connection, which other threads then wait for.
  // Inside Start() it is in the host's transaction around Start(). Usable from any thread.
  virtual SessionLease Session() = 0;
  // The node's vault and identities; owned by the host, valid as long as the hub. Usable from any
  // thread: they take turns on the node's one database connection. While a service is starting,
  // the starting thread has that turn (the host's transaction around Start()), so a Record from
  // another thread waits until Start() returns.
  virtual Vault& GetVault() = 0;
  virtual IdentityService& Identities() = 0;
  // The name to use in SQL for `table` of the selected mapped schema `family` v`version`, with the
  // node's configured table prefix and database schema applied and quoted as needed, e.g.
  // TableName("com.example.schemas.IOUSchema", 1, "iou_states") -> `"ious"."iou_states"`. The
  // vault's own tables are in family kNodeSchemaFamily. Throws std::invalid_argument when the schema
  // is not selected in this node or does not declare the table.
  virtual std::string TableName(const std::string& family, int version, const std::string& table) const = 0;
  // The node's balance tracker (ledgerhost/balances.h); the same object for every plugin, thread-safe.
  virtual BalanceTracker& Balances() = 0;
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
