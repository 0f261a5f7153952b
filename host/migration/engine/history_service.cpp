#include "migration/engine/history_service.h"

#include <algorithm>
#include <regex>

#include "core/text.h"

namespace ledgerhost::migration {
namespace {

using text::Lower;

}  // namespace

std::string NormalizeHistoryPath(const std::string& path) {
  std::string p = path;
  if (p.rfind("classpath:", 0) == 0) p.erase(0, 10);
  std::replace(p.begin(), p.end(), '\\', '/');
  static const std::regex drive("^[A-Za-z]:");
  p = std::regex_replace(p, drive, "");
  while (p.rfind("./", 0) == 0) p.erase(0, 2);
  for (auto pos = p.find("/./"); pos != std::string::npos; pos = p.find("/./")) p.erase(pos, 2);
  while (!p.empty() && p.front() == '/') p.erase(0, 1);
  return p;
}

History::History(std::vector<HistoryRow> rows) : rows_(std::move(rows)) {
  // Rows arrive in DATEEXECUTED, ORDEREXECUTED order, so a later row with the same key wins.
  for (size_t i = 0; i < rows_.size(); ++i) {
    latest_by_key_[Key(rows_[i].id, rows_[i].author, rows_[i].filename)] = i;
  }
}

std::string History::Key(const std::string& id, const std::string& author, const std::string& filename) {
  return Lower(id) + '\x1f' + Lower(author) + '\x1f' + Lower(NormalizeHistoryPath(filename));
}

History History::Read(db::Connection& connection, const HistorySql& sql, bool table_exists) {
  if (!table_exists) return History();
  std::vector<HistoryRow> rows;
  for (auto& r : connection.Query(sql.SelectRows())) {
    HistoryRow row;
    row.id = r[0].value_or("");
    row.author = r[1].value_or("");
    row.filename = r[2].value_or("");
    row.date_executed = r[3].value_or("");
    row.order_executed = r[4] ? std::stoi(*r[4]) : 0;
    row.exec_type = r[5].value_or("");
    row.md5sum = r[6];
    row.description = r[7];
    row.comments = r[8];
    row.tag = r[9];
    row.liquibase = r[10];
    row.contexts = r[11];
    row.labels = r[12];
    row.deployment_id = r[13];
    rows.push_back(std::move(row));
  }
  return History(std::move(rows));
}

const HistoryRow* History::Find(const std::string& id, const std::string& author, const std::string& filename) const {
  auto it = latest_by_key_.find(Key(id, author, filename));
  return it == latest_by_key_.end() ? nullptr : &rows_[it->second];
}

const HistoryRow* History::Find(const ChangeSet& change_set) const {
  return Find(change_set.id, change_set.author, change_set.file_path);
}

int History::MaxOrderExecuted() const {
  int max = 0;
  for (const auto& row : rows_) max = std::max(max, row.order_executed);
  return max;
}

}  // namespace ledgerhost::migration
