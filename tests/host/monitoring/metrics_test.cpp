#include "monitoring/metrics.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace ledgerhost::monitoring {
namespace {

bool Has(const std::string& text, const std::string& line) { return text.find(line + "\n") != std::string::npos; }

TEST(Metrics, CountersAndGaugesRenderInTheTextFormatWithHelpAndType) {
  Metrics metrics;
  auto& requests = metrics.AddCounter("app_requests_total", "Requests served", {"path"});
  requests.With({"/a"}).Add();
  requests.With({"/a"}).Add(2);
  requests.With({"/b"}).Add(0.5);
  metrics.AddGauge("app_queue_length", "Items waiting").With().Set(-3);
  const std::string text = metrics.Render();
  EXPECT_EQ(text,
            "# HELP app_requests_total Requests served\n"
            "# TYPE app_requests_total counter\n"
            "app_requests_total{path=\"/a\"} 3\n"
            "app_requests_total{path=\"/b\"} 0.5\n"
            "# HELP app_queue_length Items waiting\n"
            "# TYPE app_queue_length gauge\n"
            "app_queue_length -3\n");
}

TEST(Metrics, LabelValuesAndHelpAreEscaped) {
  Metrics metrics;
  metrics.AddCounter("x_total", "back\\slash\nnew line \"quoted\"", {"name"}).With({"O=A \"B\", L=\\ C\nD"}).Add();
  const std::string text = metrics.Render();
  EXPECT_TRUE(Has(text, "# HELP x_total back\\\\slash\\nnew line \"quoted\"")) << text;
  EXPECT_TRUE(Has(text, "x_total{name=\"O=A \\\"B\\\", L=\\\\ C\\nD\"} 1")) << text;
}

TEST(Metrics, HistogramBucketsAreCumulativeAndInfEqualsCount) {
  Metrics metrics;
  auto& latency = metrics.AddHistogram("op_seconds", "Latency", {"op"}, {0.1, 1});
  auto& series = latency.With({"get"});
  series.Observe(0.05);
  series.Observe(0.1);  // on a bound: in that bucket (le is "less or equal")
  series.Observe(0.5);
  series.Observe(7);
  const std::string text = metrics.Render();
  EXPECT_TRUE(Has(text, "# TYPE op_seconds histogram")) << text;
  EXPECT_TRUE(Has(text, "op_seconds_bucket{op=\"get\",le=\"0.1\"} 2")) << text;
  EXPECT_TRUE(Has(text, "op_seconds_bucket{op=\"get\",le=\"1\"} 3")) << text;
  EXPECT_TRUE(Has(text, "op_seconds_bucket{op=\"get\",le=\"+Inf\"} 4")) << text;
  EXPECT_TRUE(Has(text, "op_seconds_sum{op=\"get\"} 7.65")) << text;
  EXPECT_TRUE(Has(text, "op_seconds_count{op=\"get\"} 4")) << text;
}

TEST(Metrics, CallbackGaugesAreReadWhenRendered) {
  Metrics metrics;
  int calls = 0;
  metrics.AddCallbackGauge("up", "Up", {"who"}, [&] {
    ++calls;
    return std::vector<std::pair<LabelValues, double>>{{{"a"}, 1}, {{"b"}, 0}};
  });
  EXPECT_EQ(calls, 0);
  const std::string text = metrics.Render();
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(Has(text, "up{who=\"a\"} 1")) << text;
  EXPECT_TRUE(Has(text, "up{who=\"b\"} 0")) << text;
}

TEST(Metrics, BadNamesLabelsAndUsesAreRefused) {
  Metrics metrics;
  EXPECT_THROW(metrics.AddCounter("1starts_with_digit", "x"), std::logic_error);
  EXPECT_THROW(metrics.AddCounter("has-dash", "x"), std::logic_error);
  EXPECT_THROW(metrics.AddCounter("ok_total", "x", {"le"}), std::logic_error);
  EXPECT_THROW(metrics.AddCounter("ok_total", "x", {"__reserved"}), std::logic_error);
  EXPECT_THROW(metrics.AddCounter("ok_total", "x", {"a", "a"}), std::logic_error);
  EXPECT_THROW(metrics.AddHistogram("h", "x", {}, {1, 1}), std::logic_error);
  auto& counter = metrics.AddCounter("ok_total", "x", {"a"});
  EXPECT_THROW(metrics.AddGauge("ok_total", "again"), std::logic_error);
  EXPECT_THROW(counter.With({}), std::logic_error);
  EXPECT_THROW(counter.With({"v"}).Add(-1), std::logic_error);
}

TEST(Metrics, ConcurrentRecordingLosesNothing) {
  Metrics metrics;
  auto& counter = metrics.AddCounter("n_total", "n").With();
  auto& histogram = metrics.AddHistogram("h_seconds", "h", {}, Histogram::LatencyBounds()).With();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        counter.Add();
        histogram.Observe(0.001);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const std::string text = metrics.Render();
  EXPECT_TRUE(Has(text, "n_total 40000")) << text;
  EXPECT_TRUE(Has(text, "h_seconds_count 40000")) << text;
}

TEST(Metrics, SampleValuesUsePrometheusSpellings) {
  EXPECT_EQ(FormatSampleValue(3), "3");
  EXPECT_EQ(FormatSampleValue(0.25), "0.25");
  EXPECT_EQ(FormatSampleValue(1.0 / 0.0), "+Inf");
  EXPECT_EQ(FormatSampleValue(-1.0 / 0.0), "-Inf");
  EXPECT_EQ(FormatSampleValue(0.0 / 0.0), "NaN");
  EXPECT_EQ(FormatSampleValue(1e20), "1e+20");
}

}  // namespace
}  // namespace ledgerhost::monitoring
