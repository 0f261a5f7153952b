// The node's opt-in HTTP endpoint (node.yaml monitoring.port): GET /health answers the node's
// health as JSON (200 while it runs, 503 while it starts, migrates or stops), GET /metrics the
// metrics in Prometheus' text format. Other paths are 404; POST, PUT, DELETE, PATCH and OPTIONS on
// these two are 405. It listens on its own threads (SIGINT and SIGTERM blocked there) from
// construction until destruction; a port already taken is a ConfigError naming the key. The health
// and the metrics it is given must outlive it.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "monitoring/metrics.h"
#include "monitoring/node_health.h"

namespace httplib {
class Server;
}

namespace ledgerhost::monitoring {

struct MonitoringOptions {
  std::string host = "127.0.0.1";  // loopback unless the operator says otherwise
  int port = 0;                    // 0: a free port, chosen by the system (logged)
};

class MonitoringServer {
 public:
  MonitoringServer(const MonitoringOptions& options, const NodeHealth& health, const Metrics& metrics);
  ~MonitoringServer();
  MonitoringServer(const MonitoringServer&) = delete;
  MonitoringServer& operator=(const MonitoringServer&) = delete;

  int port() const { return port_; }
  std::string Address() const;  // http://host:port

 private:
  std::string host_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> server_;
  std::atomic<bool> listener_done_{false};
  std::thread listener_;
};

}  // namespace ledgerhost::monitoring
