// Helpers for parser tests: parse changelogs held in memory, and check error messages.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/error.h"
#include "migration/parse/change_log_parser.h"

namespace ledgerhost::migration::testing {

inline const std::string kXmlHead =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.28.xsd">
)";
inline const std::string kXmlTail = "</databaseChangeLog>\n";

inline std::string Xml(const std::string& body) { return kXmlHead + body + kXmlTail; }

inline ChangeLog Parse(std::map<std::string, std::string> files, const std::string& root,
                       const ParseOptions& options = {}) {
  MemoryResourceLoader loader("test resources", std::move(files));
  return ParseChangeLog(loader, root, options);
}

// The ChangeLogError message of parsing, or "" when it parses.
inline std::string ParseError(std::map<std::string, std::string> files, const std::string& root,
                              const ParseOptions& options = {}) {
  try {
    Parse(std::move(files), root, options);
  } catch (const ChangeLogError& e) {
    return e.what();
  }
  return "";
}

}  // namespace ledgerhost::migration::testing
