#include "liquibase_output.h"

#include <algorithm>
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

std::string Render(const std::vector<SqlStatement>& statements, db::DatabaseKind database) {
  std::string out;
  for (const auto& statement : statements) {
    if (statement.prepared) {
      out += std::string(kPreparedStatementWarning) + "\n\n";
      continue;
    }
    std::string sql = statement.sql;
    std::string terminator = statement.end_delimiter.empty() ? ";" : statement.end_delimiter;
    if (database == db::DatabaseKind::kMssql) {
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

std::string SortCreateTableForeignKeys(const std::string& sql) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t create = sql.find("CREATE TABLE ", pos);
    if (create == std::string::npos) break;
    const size_t open = sql.find('(', create);
    if (open == std::string::npos) break;
    // Split the column/constraint list at depth-1 commas, honouring quotes.
    std::vector<std::string> items;
    std::string item;
    int depth = 1;
    bool quoted = false;
    size_t i = open + 1;
    for (; i < sql.size() && depth > 0; ++i) {
      const char c = sql[i];
      if (c == '\'') quoted = !quoted;
      if (!quoted && c == '(') ++depth;
      if (!quoted && c == ')' && --depth == 0) break;
      if (!quoted && depth == 1 && c == ',') {
        items.push_back(item);
        item.clear();
        continue;
      }
      item += c;
    }
    items.push_back(item);
    auto is_fk = [](const std::string& text) {
      return std::regex_search(text, std::regex(R"(^\s*CONSTRAINT \S+ FOREIGN KEY)"));
    };
    for (size_t a = 0; a < items.size();) {
      size_t b = a;
      while (b < items.size() && is_fk(items[b])) ++b;
      if (b > a + 1) std::sort(items.begin() + static_cast<long>(a), items.begin() + static_cast<long>(b));
      a = b == a ? a + 1 : b;
    }
    out += sql.substr(pos, open + 1 - pos);
    for (size_t k = 0; k < items.size(); ++k) out += (k ? "," : "") + items[k];
    pos = i;
  }
  return out + sql.substr(pos);
}

}  // namespace ledgerhost::migration::testing
