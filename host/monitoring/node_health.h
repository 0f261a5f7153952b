// What the node tells GET /health and the node's own series of GET /metrics: its state (starting,
// migrating, running, stopping), its plugins, the changesets still pending and each service's state.
// The node sets it as it goes; the monitoring server's threads read it.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "monitoring/metrics.h"

namespace ledgerhost::monitoring {

enum class NodeState { kStarting, kMigrating, kRunning, kStopping };
const char* NodeStateName(NodeState state);

enum class ServiceState { kStarting, kRunning, kStopped };

class NodeHealth {
 public:
  NodeHealth(std::string legal_name, std::string version);

  void SetState(NodeState state);
  void SetPlugins(size_t loaded, size_t ignored);  // ignored: plugins.ignore entries
  void SetPendingChangeSets(size_t pending);
  void SetService(const std::string& plugin, const std::string& service, ServiceState state);
  void StopAllServices();  // every service known is stopped

  struct Report {
    int http_status = 503;  // 200 only when running
    std::string json;
  };
  // {"status":"UP"|"STARTING"|"STOPPING","state":...,"legalName":...,"version":...,"uptimeSeconds":...,
  //  "plugins":{"loaded":N,"ignored":N},"pendingChangesets":N,"services":[{"plugin":..,"name":..,"state":..}]}
  Report Check() const;

  // ledgerhost_node_info, ledgerhost_node_state, ledgerhost_node_start_time_seconds, ledgerhost_plugins,
  // ledgerhost_pending_changesets, ledgerhost_service_up. The health must outlive `metrics`' renders.
  void Register(Metrics& metrics) const;

 private:
  const std::string legal_name_;
  const std::string version_;
  const std::chrono::system_clock::time_point started_ = std::chrono::system_clock::now();         // for the metric
  const std::chrono::steady_clock::time_point started_steady_ = std::chrono::steady_clock::now();  // for uptime
  mutable std::mutex mutex_;
  NodeState state_ = NodeState::kStarting;
  size_t plugins_loaded_ = 0;
  size_t plugins_ignored_ = 0;
  size_t pending_ = 0;
  std::map<std::pair<std::string, std::string>, ServiceState> services_;  // (plugin, service)
};

}  // namespace ledgerhost::monitoring
