// Liquibase's context and label expressions ("dev, test", "!prod and (eu or us)"), needed at parse
// time to decide which <property context= labels=> definitions apply to this run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "migration/model/change_log.h"

namespace ledgerhost::migration::parse {

// True when the changelog's context expression matches the runtime contexts. With no runtime
// contexts everything matches, as in Liquibase.
bool ContextMatches(std::string_view expression, const std::vector<std::string>& runtime_contexts);

// True when the runtime label filter expression matches the comma-separated `labels` of an item.
// An empty filter matches everything.
bool LabelsMatch(std::string_view label_filter, std::string_view labels);

// Liquibase's ContextChangeSetFilter and LabelChangeSetFilter together: the changeset's own and
// every inherited context expression match, and the filter matches all its labels, inherited ones
// included.
bool ContextsAndLabelsSelect(const ChangeSet& change_set, const std::vector<std::string>& runtime_contexts,
                             std::string_view label_filter);

}  // namespace ledgerhost::migration::parse
