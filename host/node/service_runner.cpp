#include "node/service_runner.h"

#include <map>
#include <set>

#include "core/error.h"
#include "core/logging.h"

namespace ledgerhost::node {

std::vector<PlannedService> PlanServiceStart(const std::vector<std::shared_ptr<plugins::LoadedPlugin>>& plugins) {
  struct Node {
    PlannedService planned;
    std::vector<std::string> depends_on;
  };
  std::vector<Node> nodes;
  std::map<std::string, size_t> by_name;
  for (const auto& plugin : plugins) {
    for (const auto& factory : plugin->services()) {
      if (auto it = by_name.find(factory.name); it != by_name.end()) {
        throw PluginError(plugin->path().string(), "service '" + factory.name + "' is also declared by " +
                                                       nodes[it->second].planned.plugin->path().string());
      }
      by_name[factory.name] = nodes.size();
      nodes.push_back({{plugin, factory.name}, factory.depends_on});
    }
  }
  for (const auto& node : nodes) {
    for (const auto& dependency : node.depends_on) {
      if (!by_name.count(dependency)) {
        throw PluginError(node.planned.plugin->path().string(),
                          "service '" + node.planned.name + "' depends on '" + dependency + "', which no loaded plugin provides");
      }
    }
  }
  // Depth-first, visiting in declaration order, so independent services keep their order.
  std::vector<PlannedService> order;
  std::vector<int> state(nodes.size(), 0);  // 0 new, 1 visiting, 2 done
  std::function<void(size_t, std::vector<std::string>&)> visit = [&](size_t i, std::vector<std::string>& path) {
    if (state[i] == 2) return;
    path.push_back(nodes[i].planned.name);
    if (state[i] == 1) {
      std::string cycle;
      for (const auto& name : path) cycle += (cycle.empty() ? "" : " -> ") + name;
      throw PluginError(nodes[i].planned.plugin->path().string(), "services depend on each other in a cycle: " + cycle);
    }
    state[i] = 1;
    for (const auto& dependency : nodes[i].depends_on) visit(by_name[dependency], path);
    state[i] = 2;
    path.pop_back();
    order.push_back(nodes[i].planned);
  };
  for (size_t i = 0; i < nodes.size(); ++i) {
    std::vector<std::string> path;
    visit(i, path);
  }
  return order;
}

ServiceRunner::~ServiceRunner() { StopAll(); }

void ServiceRunner::StartAll(const HubFor& hub_for,
                             const std::function<void(const PlannedService&, const std::function<void()>&)>& around_start) {
  for (const auto& planned : plan_) {
    try {
      const ActivityScope activity("starting service '" + planned.name + "' of plugin " + planned.plugin->path().string());
      std::shared_ptr<Service> service = planned.plugin->CreateService(planned.name);
      ServiceHub& hub = hub_for(planned);
      around_start(planned, [&] { service->Start(hub); });
      running_.push_back({planned, std::move(service)});
      Logger("node")->info("service {} started ({})", planned.name, planned.plugin->path().filename().string());
    } catch (const PluginError&) {
      StopAll();
      throw;
    } catch (const std::exception& e) {
      StopAll();
      throw PluginError(planned.plugin->path().string(), "service '" + planned.name + "' failed to start: " + e.what());
    }
  }
}

void ServiceRunner::StopAll() noexcept {
  while (!running_.empty()) {
    Running running = std::move(running_.back());
    running_.pop_back();
    const std::string plugin = running.planned.plugin->path().string();
    const ActivityScope activity("stopping service '" + running.planned.name + "' of plugin " + plugin);
    // Stop() is noexcept: one that throws ends the process, and the terminate handler names it.
    running.service->Stop();
    Logger("node")->info("service {} stopped", running.planned.name);
  }
}

}  // namespace ledgerhost::node
