// Starts the plugins' services in dependency order (a service's depends_on may name services of any
// plugin) and stops them in reverse order. An unknown dependency, a cycle or two services with one
// name are PluginErrors naming the plugin file; a service whose Start() throws stops the start-up:
// the services already started are stopped again, in reverse order.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ledgerhost/service.h"
#include "plugins/plugin_loader.h"

namespace ledgerhost::node {

struct PlannedService {
  std::shared_ptr<const plugins::LoadedPlugin> plugin;
  std::string name;
};

// The start order. Ties keep plugin load order and declaration order, so the order is stable.
std::vector<PlannedService> PlanServiceStart(const std::vector<std::shared_ptr<plugins::LoadedPlugin>>& plugins);

class ServiceRunner {
 public:
  // Gives each service its hub; the hub must outlive the service's Stop().
  using HubFor = std::function<ServiceHub&(const PlannedService&)>;

  explicit ServiceRunner(std::vector<PlannedService> plan) : plan_(std::move(plan)) {}
  ~ServiceRunner();  // stops whatever still runs

  // `around_start` runs each Start() (the node wraps it in a database transaction).
  void StartAll(const HubFor& hub_for,
                const std::function<void(const PlannedService&, const std::function<void()>&)>& around_start);
  void StopAll() noexcept;
  size_t running() const { return running_.size(); }

 private:
  struct Running {
    PlannedService planned;
    std::shared_ptr<Service> service;
  };
  std::vector<PlannedService> plan_;
  std::vector<Running> running_;
};

}  // namespace ledgerhost::node
