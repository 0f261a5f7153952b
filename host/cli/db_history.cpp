#include "cli/db_history.h"

#include <fmt/format.h>

#include <algorithm>

#include "migration/engine/history_date.h"

namespace ledgerhost::cli {
namespace {

using migration::HistoryRow;

std::string UpdateDate(const HistoryRow& row) {
  const auto sortable = migration::SortableTimestamp(row.date_executed);
  return sortable ? migration::JavaShortDateTimeOf(*sortable) : row.date_executed;
}

std::optional<long long> EpochMillis(const HistoryRow& row) {
  const auto sortable = migration::SortableTimestamp(row.date_executed);
  if (!sortable) return std::nullopt;
  return migration::EpochMillisOf(*sortable);
}

// Java's Float.toString for the small values a deployment lasts: "0.0", "1.5", "12.25".
std::string JavaFloatText(float value) {
  std::string text = fmt::format("{}", value);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

void PrintTable(std::ostream& out, const std::vector<const HistoryRow*>& group) {
  const std::vector<std::string> headers{"Deployment ID",    "Update Date",  "Changelog Path",
                                         "Changeset Author", "Changeset ID", "Tag"};
  std::vector<std::vector<std::string>> cells;
  for (const HistoryRow* row : group) {
    cells.push_back({row->deployment_id.value_or(""), UpdateDate(*row), row->filename, row->author, row->id,
                     row->tag.value_or("")});
  }
  std::vector<size_t> widths;
  for (const auto& header : headers) widths.push_back(header.size());
  for (const auto& line : cells) {
    for (size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], line[i].size());
  }
  std::string rule = "+";
  for (const size_t width : widths) rule += std::string(width + 2, '-') + "+";
  auto print = [&](const std::vector<std::string>& line) {
    for (size_t i = 0; i < line.size(); ++i)
      out << "| " << line[i] << std::string(widths[i] - line[i].size(), ' ') << " ";
    out << "|\n";
  };
  out << rule << "\n";
  print(headers);
  out << rule << "\n";
  for (const auto& line : cells) {
    print(line);
    out << rule << "\n";
  }
  out << "\n";
}

void PrintParagraph(std::ostream& out, const std::vector<const HistoryRow*>& group) {
  out << "- Database updated at " << UpdateDate(*group.front()) << ". Applied " << group.size() << " changeset(s)";
  if (group.size() > 1) {
    const auto first = EpochMillis(*group.front());
    const auto last = EpochMillis(*group.back());
    if (first && last) out << " in " << JavaFloatText(static_cast<float>(*last - *first) / 1000.0F) << "s";
  }
  out << ", DeploymentId: " << group.front()->deployment_id.value_or("null") << "\n";
  for (const HistoryRow* row : group) out << "  " << row->filename << "::" << row->id << "::" << row->author << "\n";
  out << "\n";
}

}  // namespace

void PrintHistory(std::ostream& out, const std::vector<HistoryRow>& rows, const std::string& database,
                  HistoryFormat format) {
  out << "Liquibase History for " << database << "\n\n";
  if (rows.empty()) {
    out << "No changesets deployed\n";
    return;
  }
  std::vector<std::vector<const HistoryRow*>> deployments;
  for (const auto& row : rows) {
    if (deployments.empty() || deployments.back().back()->deployment_id != row.deployment_id)
      deployments.emplace_back();
    deployments.back().push_back(&row);
  }
  for (const auto& group : deployments) {
    if (format == HistoryFormat::kTabular) {
      PrintTable(out, group);
    } else {
      PrintParagraph(out, group);
    }
  }
}

}  // namespace ledgerhost::cli
