#include "monitoring/metrics.h"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <stdexcept>

namespace ledgerhost::monitoring {
namespace {

bool ValidName(const std::string& name, bool colon_allowed) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon_allowed && c == ':');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

// Label values escape backslash, double quote and newline; HELP text backslash and newline.
std::string Escape(const std::string& text, bool quote) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

template <typename SeriesMap>
auto& FindOrAdd(std::mutex& mutex, SeriesMap& series, const LabelValues& values, const auto& make) {
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = series[values];
  if (!slot) slot = make();
  return *slot;
}

void AtomicAdd(std::atomic<double>& value, double amount) { value.fetch_add(amount, std::memory_order_relaxed); }

}  // namespace

std::string FormatSampleValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

MetricFamily::MetricFamily(std::string name, std::string help, std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)) {
  if (!ValidName(name_, true)) throw std::logic_error("metric name '" + name_ + "' is not a Prometheus name");
  std::set<std::string> seen;
  for (const auto& label : label_names_) {
    if (!ValidName(label, false) || label.starts_with("__") || label == "le" || !seen.insert(label).second) {
      throw std::logic_error("metric " + name_ + ": label name '" + label + "' is not allowed");
    }
  }
}

void MetricFamily::Render(std::string& out) const {
  out += "# HELP " + name_ + " " + Escape(help_, false) + "\n";
  out += "# TYPE " + name_ + " " + Type() + "\n";
  RenderSeries(out);
}

std::string MetricFamily::SeriesName(const std::string& suffix, const LabelValues& values,
                                     const std::string& extra) const {
  std::string labels;
  for (size_t i = 0; i < label_names_.size() && i < values.size(); ++i) {
    labels += (labels.empty() ? "" : ",") + label_names_[i] + "=\"" + Escape(values[i], true) + "\"";
  }
  if (!extra.empty()) labels += (labels.empty() ? "" : ",") + extra;
  return name_ + suffix + (labels.empty() ? "" : "{" + labels + "}");
}

void MetricFamily::CheckLabels(const LabelValues& values) const {
  if (values.size() != label_names_.size()) {
    throw std::logic_error("metric " + name_ + ": " + std::to_string(values.size()) + " label value(s) for " +
                           std::to_string(label_names_.size()) + " label(s)");
  }
}

void CounterSeries::Add(double amount) {
  if (amount < 0) throw std::logic_error("a counter cannot go down");
  AtomicAdd(value_, amount);
}

void GaugeSeries::Add(double amount) { AtomicAdd(value_, amount); }

template <typename SeriesType, const char* kType>
SeriesType& ValueFamily<SeriesType, kType>::With(const LabelValues& values) {
  CheckLabels(values);
  return FindOrAdd(mutex_, series_, values, [] { return std::make_unique<SeriesType>(); });
}

template <typename SeriesType, const char* kType>
void ValueFamily<SeriesType, kType>::RenderSeries(std::string& out) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [values, series] : series_) {
    out += SeriesName("", values) + " " + FormatSampleValue(series->value()) + "\n";
  }
}

template class ValueFamily<CounterSeries, kCounterType>;
template class ValueFamily<GaugeSeries, kGaugeType>;

Histogram::Histogram(std::string name, std::string help, std::vector<std::string> label_names,
                     std::vector<double> bounds)
    : MetricFamily(std::move(name), std::move(help), std::move(label_names)), bounds_(std::move(bounds)) {
  for (size_t i = 0; i < bounds_.size(); ++i) {
    if (!std::isfinite(bounds_[i]) || (i > 0 && bounds_[i] <= bounds_[i - 1])) {
      throw std::logic_error("histogram " + this->name() + ": bounds must be finite and increasing");
    }
  }
}

std::vector<double> Histogram::LatencyBounds() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

Histogram::Series::Series(const std::vector<double>& bounds)
    : bounds_(bounds), buckets_(new std::atomic<unsigned long long>[bounds.size() + 1]) {
  for (size_t i = 0; i <= bounds.size(); ++i) buckets_[i].store(0, std::memory_order_relaxed);
}

void Histogram::Series::Observe(double value) {
  size_t bucket = 0;
  while (bucket < bounds_.size() && value > bounds_[bucket]) ++bucket;
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  AtomicAdd(sum_, value);
}

Histogram::Series& Histogram::With(const LabelValues& values) {
  CheckLabels(values);
  return FindOrAdd(mutex_, series_, values, [this] { return std::make_unique<Series>(bounds_); });
}

void Histogram::RenderSeries(std::string& out) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& [values, series] : series_) {
    // Read the buckets once; count is their total so that the +Inf bucket always equals _count.
    unsigned long long cumulative = 0;
    for (size_t i = 0; i <= bounds_.size(); ++i) {
      cumulative += series->buckets_[i].load(std::memory_order_relaxed);
      const std::string le = i < bounds_.size() ? FormatSampleValue(bounds_[i]) : "+Inf";
      out += SeriesName("_bucket", values, "le=\"" + le + "\"") + " " + std::to_string(cumulative) + "\n";
    }
    out += SeriesName("_sum", values) + " " + FormatSampleValue(series->sum_.load(std::memory_order_relaxed)) + "\n";
    out += SeriesName("_count", values) + " " + std::to_string(cumulative) + "\n";
  }
}

CallbackGauge::CallbackGauge(std::string name, std::string help, std::vector<std::string> label_names, Read read)
    : MetricFamily(std::move(name), std::move(help), std::move(label_names)), read_(std::move(read)) {}

void CallbackGauge::RenderSeries(std::string& out) const {
  for (const auto& [values, value] : read_()) {
    CheckLabels(values);
    out += SeriesName("", values) + " " + FormatSampleValue(value) + "\n";
  }
}

template <typename Family>
Family& Metrics::Add(std::unique_ptr<Family> family) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& existing : families_) {
    if (existing->name() == family->name()) throw std::logic_error("metric " + family->name() + " added twice");
  }
  Family& added = *family;
  families_.push_back(std::move(family));
  return added;
}

Counter& Metrics::AddCounter(std::string name, std::string help, std::vector<std::string> label_names) {
  return Add(std::make_unique<Counter>(std::move(name), std::move(help), std::move(label_names)));
}

Gauge& Metrics::AddGauge(std::string name, std::string help, std::vector<std::string> label_names) {
  return Add(std::make_unique<Gauge>(std::move(name), std::move(help), std::move(label_names)));
}

Histogram& Metrics::AddHistogram(std::string name, std::string help, std::vector<std::string> label_names,
                                 std::vector<double> bounds) {
  return Add(std::make_unique<Histogram>(std::move(name), std::move(help), std::move(label_names), std::move(bounds)));
}

void Metrics::AddCallbackGauge(std::string name, std::string help, std::vector<std::string> label_names,
                               CallbackGauge::Read read) {
  Add(std::make_unique<CallbackGauge>(std::move(name), std::move(help), std::move(label_names), std::move(read)));
}

std::string Metrics::Render() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  for (const auto& family : families_) family->Render(out);
  return out;
}

}  // namespace ledgerhost::monitoring
