// Logging: one spdlog logger per subsystem ("plugins", "migration", ...), all writing to stderr
// (and a file when configured) so that stdout stays clean for command output such as update-sql.
#pragma once

#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace ledgerhost {

// Sets the level ("trace".."off") and optional log file for every subsystem logger.
void ConfigureLogging(const std::string& level, const std::string& file = "");

// The logger of a subsystem, created on first use.
std::shared_ptr<spdlog::logger> Logger(const std::string& subsystem);

}  // namespace ledgerhost
