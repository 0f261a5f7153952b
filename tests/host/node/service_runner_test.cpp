#include "node/service_runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include <unistd.h>

namespace ledgerhost::node {
namespace {

// A hub that only answers Config; the tracing fixture needs nothing else.
class ConfigOnlyHub : public ServiceHub {
 public:
  explicit ConfigOnlyHub(std::map<std::string, std::string> settings) : settings_(std::move(settings)) {}
  void Log(LogLevel, const std::string&) override {}
  std::string Config(const std::string& key) const override {
    auto it = settings_.find(key);
    return it == settings_.end() ? "" : it->second;
  }
  SessionLease Session() override { throw std::logic_error("no session"); }
  Vault& GetVault() override { throw std::logic_error("no vault"); }
  IdentityService& Identities() override { throw std::logic_error("no identities"); }
  std::string TableName(const std::string&, int, const std::string&) const override { return ""; }
  BalanceTracker& Balances() override { throw std::logic_error("no balances"); }

 private:
  std::map<std::string, std::string> settings_;
};

std::vector<std::string> Lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class ServiceRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    trace_ = std::filesystem::temp_directory_path() / ("lh_services_" + std::to_string(::getpid()) + ".txt");
    std::filesystem::remove(trace_);
    plugins_.push_back(plugins::LoadPlugin(ORDERED_SERVICES_PLUGIN));
  }
  void TearDown() override { std::filesystem::remove(trace_); }

  void RunWith(std::map<std::string, std::string> settings) {
    ConfigOnlyHub hub(std::move(settings));
    ServiceRunner runner(PlanServiceStart(plugins_));
    runner.StartAll([&](const PlannedService&) -> ServiceHub& { return hub; },
                    [](const PlannedService&, const std::function<void()>& start) { start(); });
    runner.StopAll();
  }

  std::filesystem::path trace_;
  std::vector<std::shared_ptr<plugins::LoadedPlugin>> plugins_;
};

TEST_F(ServiceRunnerTest, StartsInDependencyOrderAndStopsInReverse) {
  const auto plan = PlanServiceStart(plugins_);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].name, "service-a");
  EXPECT_EQ(plan[1].name, "service-b");
  EXPECT_EQ(plan[2].name, "service-c");

  RunWith({{"trace", trace_.string()}});
  EXPECT_EQ(Lines(trace_), (std::vector<std::string>{"start service-a", "start service-b", "start service-c",
                                                      "stop service-c", "stop service-b", "stop service-a"}));
}

TEST_F(ServiceRunnerTest, AFailedStartStopsWhatAlreadyRunsAndNamesThePlugin) {
  try {
    RunWith({{"trace", trace_.string()}, {"fail", "service-b"}});
    FAIL() << "expected PluginError";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find(ORDERED_SERVICES_PLUGIN), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("service-b refuses to start"), std::string::npos) << e.what();
  }
  // service-b's Start threw, so only service-a was running and is stopped again; c never started.
  EXPECT_EQ(Lines(trace_), (std::vector<std::string>{"start service-a", "start service-b", "stop service-a"}));
}

TEST_F(ServiceRunnerTest, IndependentPluginsKeepLoadOrder) {
  plugins_.insert(plugins_.begin(), plugins::LoadPlugin(IOU_PLUGIN));
  const auto plan = PlanServiceStart(plugins_);
  ASSERT_EQ(plan.size(), 4u);
  EXPECT_EQ(plan[0].name, "iou-service");
  EXPECT_EQ(plan[1].name, "service-a");
}

TEST_F(ServiceRunnerTest, TheSamePluginTwiceIsADuplicateServiceError) {
  plugins_.push_back(plugins::LoadPlugin(ORDERED_SERVICES_PLUGIN));
  EXPECT_THROW(PlanServiceStart(plugins_), PluginError);
}

}  // namespace
}  // namespace ledgerhost::node
