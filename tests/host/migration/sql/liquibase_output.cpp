#include "liquibase_output.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace ledgerhost::migration::testing {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Render(const std::vector<SqlStatement>& statements, DatabaseKind database) {
  std::string out;
  for (const auto& statement : statements) {
    std::string sql = statement.sql;
    std::string terminator = statement.end_delimiter.empty() ? ";" : statement.end_delimiter;
    if (database == DatabaseKind::kMssql) {
      // SQL Server scripts end every statement with GO; a ';' delimited one keeps its ';' too.
      if (terminator == ";" && (sql.empty() || sql.back() != ';')) sql += ";";
      terminator = "\nGO";
    }
    if (sql.size() < terminator.size() || sql.compare(sql.size() - terminator.size(), terminator.size(), terminator) != 0) {
      sql += terminator;
    }
    out += sql + "\n\n";
  }
  return out;
}

std::string Normalize(const std::string& sql) {
  std::istringstream lines(sql);
  std::string line;
  std::string kept;
  while (std::getline(lines, line)) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos && line.compare(first, 2, "--") == 0) continue;
    kept += line + "\n";
  }
  std::string out;
  bool in_space = false;
  for (char c : kept) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

std::map<std::string, std::string> SplitByChangeSet(const std::string& output) {
  std::map<std::string, std::string> blocks;
  std::istringstream lines(output);
  std::string line;
  std::string current;
  // "-- Changeset file.xml::id::author" (MySQL and MariaDB: "--  Changeset"); id and author
  // follow the first "::".
  const std::regex marker(R"(^--\s+Changeset (.*)$)");
  while (std::getline(lines, line)) {
    std::smatch match;
    if (std::regex_match(line, match, marker)) {
      const std::string name = match[1];
      const auto separator = name.find("::");
      current = separator == std::string::npos ? name : name.substr(separator + 2);
      while (!current.empty() && (current.back() == '\r' || current.back() == ' ')) current.pop_back();
      blocks[current];
      continue;
    }
    if (!current.empty()) blocks[current] += line + "\n";
  }
  return blocks;
}

}  // namespace ledgerhost::migration::testing
