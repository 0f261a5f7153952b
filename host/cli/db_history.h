// `db history` in Liquibase 4.28's two formats (InternalHistoryCommandStep): TABULAR, a table per
// deployment, and TEXT, a paragraph per deployment. Deployments are runs of consecutive rows with
// one DEPLOYMENT_ID, in execution order; times as Java's SHORT date-time in en_US.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "migration/engine/history_row.h"

namespace ledgerhost::cli {

enum class HistoryFormat { kTabular, kText };

// `database` is what the first line names ("Liquibase History for <database>").
void PrintHistory(std::ostream& out, const std::vector<migration::HistoryRow>& rows, const std::string& database,
                  HistoryFormat format);

}  // namespace ledgerhost::cli
