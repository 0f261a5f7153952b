#include "core/logging.h"

#include <mutex>
#include <vector>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include "core/progress_line.h"

namespace ledgerhost {
namespace {

// stderr's sink, keeping a progress line (progress_line.h) below the log lines.
class TerminalSink : public spdlog::sinks::sink {
 public:
  void log(const spdlog::details::log_msg& message) override {
    progress_detail::ClearForLog();
    struct Redraw {
      ~Redraw() { progress_detail::RedrawAfterLog(); }  // also when the write throws: the lock is released
    } redraw;
    stderr_->log(message);
    stderr_->flush();
  }
  void flush() override { stderr_->flush(); }
  void set_pattern(const std::string& pattern) override { stderr_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override { stderr_->set_formatter(std::move(formatter)); }

 private:
  std::shared_ptr<spdlog::sinks::sink> stderr_ = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
};

struct LoggingState {
  std::mutex mutex;
  std::vector<spdlog::sink_ptr> sinks{std::make_shared<TerminalSink>()};
  spdlog::level::level_enum level = spdlog::level::info;
};

LoggingState& State() {
  static LoggingState state;
  return state;
}

}  // namespace

void ConfigureLogging(const std::string& level, const std::string& file) {
  auto& state = State();
  std::lock_guard lock(state.mutex);
  state.level = spdlog::level::from_str(level);
  if (!file.empty()) state.sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(file));
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) {
    logger->sinks() = state.sinks;
    logger->set_level(state.level);
  });
}

std::shared_ptr<spdlog::logger> Logger(const std::string& subsystem) {
  auto& state = State();
  std::lock_guard lock(state.mutex);
  if (auto existing = spdlog::get(subsystem)) return existing;
  auto logger = std::make_shared<spdlog::logger>(subsystem, state.sinks.begin(), state.sinks.end());
  logger->set_level(state.level);
  logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ [%n] %v");
  spdlog::register_logger(logger);
  return logger;
}

}  // namespace ledgerhost
