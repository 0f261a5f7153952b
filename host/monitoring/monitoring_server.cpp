#include "monitoring/monitoring_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <chrono>

#include "core/error.h"
#include "core/logging.h"

namespace ledgerhost::monitoring {

MonitoringServer::MonitoringServer(const MonitoringOptions& options, const NodeHealth& health, const Metrics& metrics)
    : host_(options.host), server_(std::make_unique<httplib::Server>()) {
  // Four workers, each connection served once and closed: a scraper's keep-alive must not hold a
  // worker that a readiness probe waits for (nor delay the node's exit).
  server_->new_task_queue = [] { return new httplib::ThreadPool(4); };
  server_->set_keep_alive_max_count(1);
  server_->set_read_timeout(5, 0);
  server_->set_write_timeout(5, 0);
  server_->set_payload_max_length(4096);  // nothing here takes a body
  // httplib's default adds SO_REUSEPORT, with which a second node would share the port silently.
  server_->set_socket_options([](int socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->Get("/health", [&health](const httplib::Request&, httplib::Response& response) {
    const NodeHealth::Report report = health.Check();
    response.status = report.http_status;
    response.set_header("Cache-Control", "no-store");
    response.set_content(report.json, "application/json");
  });
  server_->Get("/metrics", [&metrics](const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_content(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8");
  });
  for (const char* path : {"/health", "/metrics"}) {
    const auto not_allowed = [](const httplib::Request&, httplib::Response& response) {
      response.status = 405;
      response.set_header("Allow", "GET, HEAD");
    };
    server_->Post(path, not_allowed);
    server_->Put(path, not_allowed);
    server_->Delete(path, not_allowed);
    server_->Patch(path, not_allowed);
    server_->Options(path, not_allowed);
  }
  if (options.port == 0) {
    port_ = server_->bind_to_any_port(host_);
  } else {
    port_ = server_->bind_to_port(host_, options.port) ? options.port : -1;
  }
  if (port_ <= 0) {
    throw ConfigError("monitoring: cannot listen on " + host_ + ":" + std::to_string(options.port) +
                      " (monitoring.host/monitoring.port in node.yaml: in use, or not an address of this machine)");
  }
  listener_ = std::thread([this] {
    // SIGINT and SIGTERM are the node's (ShutdownSignal, StopSignals): never delivered here, nor in
    // the workers this thread creates, which inherit the mask.
    sigset_t node_signals;
    sigemptyset(&node_signals);
    sigaddset(&node_signals, SIGINT);
    sigaddset(&node_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &node_signals, nullptr);
    server_->listen_after_bind();
    listener_done_ = true;
  });
  // httplib's stop() does nothing before the accept loop runs: wait for it, so that a server
  // destroyed right away still stops.
  while (!server_->is_running() && !listener_done_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Logger("monitoring")->info("health and metrics on {} (/health, /metrics)", Address());
}

MonitoringServer::~MonitoringServer() {
  server_->stop();
  if (listener_.joinable()) listener_.join();
}

std::string MonitoringServer::Address() const {
  const bool ipv6 = host_.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_);
}

}  // namespace ledgerhost::monitoring
