// The node's metrics: counters, gauges and histograms with labels, rendered in Prometheus' text
// exposition format (version 0.0.4) for GET /metrics. Recording is lock-free once a labelled series
// exists (callers keep the reference With() returns); only creating a series and rendering lock.
// Names and label names are checked when a family is added (Prometheus' grammar); label values are
// escaped when rendered, so any text (a legal name, a plugin path) can be one.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ledgerhost::monitoring {

using LabelValues = std::vector<std::string>;

class MetricFamily {
 public:
  MetricFamily(std::string name, std::string help, std::vector<std::string> label_names);
  virtual ~MetricFamily() = default;
  const std::string& name() const { return name_; }
  // "# HELP", "# TYPE" and every series.
  void Render(std::string& out) const;

 protected:
  virtual const char* Type() const = 0;
  virtual void RenderSeries(std::string& out) const = 0;
  // name{label="value",...} with `extra` (le="0.5") appended to the labels.
  std::string SeriesName(const std::string& suffix, const LabelValues& values, const std::string& extra = "") const;
  void CheckLabels(const LabelValues& values) const;

 private:
  std::string name_;
  std::string help_;
  std::vector<std::string> label_names_;
};

// A family whose series each hold one value (counters and gauges): the series per label values, and
// their rendering, are one piece; the kinds differ only in what a series lets callers do.
template <typename SeriesType, const char* kType>
class ValueFamily : public MetricFamily {
 public:
  using MetricFamily::MetricFamily;
  using Series = SeriesType;
  Series& With(const LabelValues& values = {});

 private:
  const char* Type() const override { return kType; }
  void RenderSeries(std::string& out) const override;
  mutable std::mutex mutex_;
  std::map<LabelValues, std::unique_ptr<Series>> series_;
};

// A counter's series: a value that only goes up (events, seconds spent).
class CounterSeries {
 public:
  void Add(double amount = 1);
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// A gauge's series: a value that goes up and down (services running, unconsumed states).
class GaugeSeries {
 public:
  void Set(double value) { value_.store(value, std::memory_order_relaxed); }
  void Add(double amount);
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

inline constexpr char kCounterType[] = "counter";
inline constexpr char kGaugeType[] = "gauge";
// By Prometheus' convention a counter's name ends in _total (the 0.0.4 text format names the family
// as its samples).
using Counter = ValueFamily<CounterSeries, kCounterType>;
using Gauge = ValueFamily<GaugeSeries, kGaugeType>;

// Observations counted into cumulative buckets by upper bound, with their sum and count (latencies).
class Histogram : public MetricFamily {
 public:
  // `bounds`: strictly increasing finite upper bounds; +Inf is added.
  Histogram(std::string name, std::string help, std::vector<std::string> label_names, std::vector<double> bounds);
  class Series {
   public:
    explicit Series(const std::vector<double>& bounds);
    void Observe(double value);

   private:
    friend class Histogram;
    const std::vector<double>& bounds_;
    std::unique_ptr<std::atomic<unsigned long long>[]> buckets_;  // per bound, not cumulative; +Inf last
    std::atomic<double> sum_{0};
  };
  Series& With(const LabelValues& values = {});

  // 100 µs .. 10 s, for operations on a database or Redis.
  static std::vector<double> LatencyBounds();

 private:
  const char* Type() const override { return "histogram"; }
  void RenderSeries(std::string& out) const override;
  std::vector<double> bounds_;
  mutable std::mutex mutex_;
  std::map<LabelValues, std::unique_ptr<Series>> series_;
};

// A gauge whose series are read when rendered (the node's state, a queue's length).
class CallbackGauge : public MetricFamily {
 public:
  using Read = std::function<std::vector<std::pair<LabelValues, double>>()>;
  CallbackGauge(std::string name, std::string help, std::vector<std::string> label_names, Read read);

 private:
  const char* Type() const override { return "gauge"; }
  void RenderSeries(std::string& out) const override;
  Read read_;
};

// The families, rendered in the order they were added. Adding a name twice is a programming error
// (std::logic_error); families live as long as the registry.
class Metrics {
 public:
  Counter& AddCounter(std::string name, std::string help, std::vector<std::string> label_names = {});
  Gauge& AddGauge(std::string name, std::string help, std::vector<std::string> label_names = {});
  Histogram& AddHistogram(std::string name, std::string help, std::vector<std::string> label_names,
                          std::vector<double> bounds);
  void AddCallbackGauge(std::string name, std::string help, std::vector<std::string> label_names,
                        CallbackGauge::Read read);

  // The text GET /metrics answers (Content-Type: text/plain; version=0.0.4).
  std::string Render() const;

 private:
  template <typename Family>
  Family& Add(std::unique_ptr<Family> family);
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<MetricFamily>> families_;
};

// Prometheus' number format: integers without a fraction, +Inf, -Inf, NaN.
std::string FormatSampleValue(double value);

}  // namespace ledgerhost::monitoring
