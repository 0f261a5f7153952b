#include "monitoring/node_health.h"

#include <gtest/gtest.h>

namespace ledgerhost::monitoring {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(NodeHealth, OnlyARunningNodeIsUp) {
  NodeHealth health("O=Bank \"A\", L=London, C=GB", "1.2.3");
  auto report = health.Check();
  EXPECT_EQ(report.http_status, 503);
  EXPECT_TRUE(Contains(report.json, R"("status":"STARTING","state":"starting")")) << report.json;
  health.SetState(NodeState::kMigrating);
  report = health.Check();
  EXPECT_EQ(report.http_status, 503);
  EXPECT_TRUE(Contains(report.json, R"("status":"STARTING","state":"migrating")")) << report.json;
  health.SetState(NodeState::kRunning);
  report = health.Check();
  EXPECT_EQ(report.http_status, 200);
  EXPECT_TRUE(Contains(report.json, R"("status":"UP","state":"running")")) << report.json;
  health.SetState(NodeState::kStopping);
  report = health.Check();
  EXPECT_EQ(report.http_status, 503);
  EXPECT_TRUE(Contains(report.json, R"("status":"STOPPING","state":"stopping")")) << report.json;
}

TEST(NodeHealth, ReportsPluginsPendingChangeSetsAndServices) {
  NodeHealth health("O=Bank \"A\", L=London, C=GB", "1.2.3");
  health.SetPlugins(2, 1);
  health.SetPendingChangeSets(7);
  health.SetService("iou", "iou-service", ServiceState::kRunning);
  health.SetService("cash", "issuer", ServiceState::kStarting);
  auto json = health.Check().json;
  EXPECT_TRUE(Contains(json, R"("legalName":"O=Bank \"A\", L=London, C=GB","version":"1.2.3")")) << json;
  EXPECT_TRUE(Contains(json, R"("plugins":{"loaded":2,"ignored":1},"pendingChangesets":7)")) << json;
  EXPECT_TRUE(Contains(json, R"("services":[{"plugin":"cash","name":"issuer","state":"starting"},)"
                             R"({"plugin":"iou","name":"iou-service","state":"running"}])"))
      << json;
  health.StopAllServices();
  json = health.Check().json;
  EXPECT_FALSE(Contains(json, "running")) << json;

  Metrics metrics;
  health.Register(metrics);
  const std::string text = metrics.Render();
  EXPECT_TRUE(
      Contains(text, "ledgerhost_node_info{legal_name=\"O=Bank \\\"A\\\", L=London, C=GB\",version=\"1.2.3\"} 1\n"))
      << text;
  EXPECT_TRUE(Contains(text, "ledgerhost_node_state{state=\"starting\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, "ledgerhost_node_state{state=\"running\"} 0\n")) << text;
  EXPECT_TRUE(Contains(text, "ledgerhost_plugins{outcome=\"ignored\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, "ledgerhost_pending_changesets 7\n")) << text;
  EXPECT_TRUE(Contains(text, "ledgerhost_service_up{plugin=\"iou\",service=\"iou-service\"} 0\n")) << text;
}

}  // namespace
}  // namespace ledgerhost::monitoring
