#include "core/logging.h"

#include <mutex>
#include <vector>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace ledgerhost {
namespace {

struct LoggingState {
  std::mutex mutex;
  std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_color_sink_mt>()};
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
