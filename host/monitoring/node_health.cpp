#include "monitoring/node_health.h"

#include <fmt/format.h>

#include "core/text.h"

namespace ledgerhost::monitoring {
namespace {

const char* ServiceStateName(ServiceState state) {
  switch (state) {
    case ServiceState::kStarting:
      return "starting";
    case ServiceState::kRunning:
      return "running";
    case ServiceState::kStopped:
      return "stopped";
  }
  return "unknown";
}

}  // namespace

const char* NodeStateName(NodeState state) {
  switch (state) {
    case NodeState::kStarting:
      return "starting";
    case NodeState::kMigrating:
      return "migrating";
    case NodeState::kRunning:
      return "running";
    case NodeState::kStopping:
      return "stopping";
  }
  return "unknown";
}

NodeHealth::NodeHealth(std::string legal_name, std::string version)
    : legal_name_(std::move(legal_name)), version_(std::move(version)) {}

void NodeHealth::SetState(NodeState state) {
  std::lock_guard<std::mutex> lock(mutex_);
  state_ = state;
}

void NodeHealth::SetPlugins(size_t loaded, size_t ignored) {
  std::lock_guard<std::mutex> lock(mutex_);
  plugins_loaded_ = loaded;
  plugins_ignored_ = ignored;
}

void NodeHealth::SetPendingChangeSets(size_t pending) {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_ = pending;
}

void NodeHealth::SetService(const std::string& plugin, const std::string& service, ServiceState state) {
  std::lock_guard<std::mutex> lock(mutex_);
  services_[{plugin, service}] = state;
}

void NodeHealth::StopAllServices() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [key, state] : services_) state = ServiceState::kStopped;
}

NodeHealth::Report NodeHealth::Check() const {
  std::lock_guard<std::mutex> lock(mutex_);
  const char* status = state_ == NodeState::kRunning ? "UP" : state_ == NodeState::kStopping ? "STOPPING" : "STARTING";
  const auto uptime =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_steady_);
  std::string services;
  for (const auto& [key, state] : services_) {
    services += (services.empty() ? "" : ",") + fmt::format(R"({{"plugin":{},"name":{},"state":"{}"}})",
                                                            text::JsonString(key.first), text::JsonString(key.second),
                                                            ServiceStateName(state));
  }
  Report report;
  report.http_status = state_ == NodeState::kRunning ? 200 : 503;
  report.json = fmt::format(
      R"({{"status":"{}","state":"{}","legalName":{},"version":{},"uptimeSeconds":{},"plugins":{{"loaded":{},"ignored":{}}},"pendingChangesets":{},"services":[{}]}})",
      status, NodeStateName(state_), text::JsonString(legal_name_), text::JsonString(version_), uptime.count(),
      plugins_loaded_, plugins_ignored_, pending_, services);
  report.json += "\n";
  return report;
}

void NodeHealth::Register(Metrics& metrics) const {
  metrics.AddCallbackGauge("ledgerhost_node_info", "The node's legal name and ledgerhost version (always 1)",
                           {"legal_name", "version"}, [this] {
                             return std::vector<std::pair<LabelValues, double>>{{{legal_name_, version_}, 1}};
                           });
  metrics.AddCallbackGauge(
      "ledgerhost_node_state", "1 for the node's current state, 0 for the others", {"state"}, [this] {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<std::pair<LabelValues, double>> out;
        for (const NodeState state :
             {NodeState::kStarting, NodeState::kMigrating, NodeState::kRunning, NodeState::kStopping}) {
          out.push_back({{NodeStateName(state)}, state == state_ ? 1.0 : 0.0});
        }
        return out;
      });
  metrics.AddCallbackGauge("ledgerhost_node_start_time_seconds", "When the node process started (Unix time)", {},
                           [this] {
                             const double seconds = std::chrono::duration<double>(started_.time_since_epoch()).count();
                             return std::vector<std::pair<LabelValues, double>>{{{}, seconds}};
                           });
  metrics.AddCallbackGauge(
      "ledgerhost_plugins",
      "Plugins loaded, and plugin files left out by plugins.ignore (a refused file stops the start)", {"outcome"},
      [this] {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::vector<std::pair<LabelValues, double>>{{{"loaded"}, static_cast<double>(plugins_loaded_)},
                                                           {{"ignored"}, static_cast<double>(plugins_ignored_)}};
      });
  metrics.AddCallbackGauge("ledgerhost_pending_changesets", "Changesets of the node's changelogs not yet applied", {},
                           [this] {
                             std::lock_guard<std::mutex> lock(mutex_);
                             return std::vector<std::pair<LabelValues, double>>{{{}, static_cast<double>(pending_)}};
                           });
  metrics.AddCallbackGauge("ledgerhost_service_up", "1 while a plugin's service runs", {"plugin", "service"}, [this] {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::pair<LabelValues, double>> out;
    for (const auto& [key, state] : services_)
      out.push_back({{key.first, key.second}, state == ServiceState::kRunning ? 1.0 : 0.0});
    return out;
  });
}

}  // namespace ledgerhost::monitoring
