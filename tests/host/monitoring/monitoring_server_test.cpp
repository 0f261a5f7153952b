#include "monitoring/monitoring_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include "core/error.h"

namespace ledgerhost::monitoring {
namespace {

TEST(MonitoringServer, AnswersHealthAndMetricsOnARealSocket) {
  Metrics metrics;
  NodeHealth health("O=Test, L=London, C=GB", "0.0.1");
  health.Register(metrics);
  metrics.AddCounter("test_events_total", "Events").With().Add(5);
  MonitoringServer server({"127.0.0.1", 0}, health, metrics);
  ASSERT_GT(server.port(), 0);
  EXPECT_EQ(server.Address(), "http://127.0.0.1:" + std::to_string(server.port()));

  httplib::Client client("127.0.0.1", server.port());
  auto starting = client.Get("/health");
  ASSERT_TRUE(starting) << httplib::to_string(starting.error());
  EXPECT_EQ(starting->status, 503);
  EXPECT_EQ(starting->get_header_value("Content-Type"), "application/json");
  health.SetState(NodeState::kRunning);
  auto up = client.Get("/health");
  ASSERT_TRUE(up);
  EXPECT_EQ(up->status, 200);
  EXPECT_NE(up->body.find(R"("status":"UP")"), std::string::npos) << up->body;

  auto scrape = client.Get("/metrics");
  ASSERT_TRUE(scrape);
  EXPECT_EQ(scrape->status, 200);
  EXPECT_EQ(scrape->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(scrape->body, metrics.Render());
  EXPECT_NE(scrape->body.find("test_events_total 5\n"), std::string::npos) << scrape->body;

  auto head = client.Head("/health");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  auto post = client.Post("/health", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto unknown = client.Get("/admin");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST(MonitoringServer, APortInUseIsAConfigErrorNamingTheSetting) {
  Metrics metrics;
  NodeHealth health("O=Test, L=London, C=GB", "0.0.1");
  MonitoringServer first({"127.0.0.1", 0}, health, metrics);
  try {
    MonitoringServer second({"127.0.0.1", first.port()}, health, metrics);
    FAIL() << "a second server listened on the same port";
  } catch (const ConfigError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("127.0.0.1:" + std::to_string(first.port())), std::string::npos) << message;
    EXPECT_NE(message.find("monitoring.port"), std::string::npos) << message;
  }
}

TEST(MonitoringServer, StopsWhenDestroyed) {
  Metrics metrics;
  NodeHealth health("O=Test, L=London, C=GB", "0.0.1");
  int port = 0;
  {
    MonitoringServer server({"127.0.0.1", 0}, health, metrics);
    port = server.port();
  }
  // The port is free again: binding it proves the listener is gone (a connect could reach whatever
  // took the port since).
  httplib::Server successor;
  EXPECT_TRUE(successor.bind_to_port("127.0.0.1", port));
}

TEST(MonitoringServer, SignalsOfTheNodeAreNotDeliveredToItsThreads) {
  Metrics metrics;
  NodeHealth health("O=Test, L=London, C=GB", "0.0.1");
  MonitoringServer server({"127.0.0.1", 0}, health, metrics);
  // With SIGTERM blocked here as ShutdownSignal blocks it, a process-wide SIGTERM stays pending
  // unless another thread (the server's) would take it, and kill the process.
  sigset_t term;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &term, nullptr), 0);
  httplib::Client client("127.0.0.1", server.port());
  ASSERT_TRUE(client.Get("/health"));  // the workers exist
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  const timespec no_wait{0, 0};
  siginfo_t info{};
  EXPECT_EQ(sigtimedwait(&term, &info, &no_wait), SIGTERM) << "the signal reached the process, pending for us";
  pthread_sigmask(SIG_UNBLOCK, &term, nullptr);
}

}  // namespace
}  // namespace ledgerhost::monitoring
