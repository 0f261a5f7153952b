// Reads a changelog (XML, YAML, JSON or formatted SQL, chosen by extension and content) and every
// file it includes into one ChangeLog. Errors are ChangeLogError naming file:line and, where there
// is one, the changeset as id::author.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "migration/model/change_log.h"
#include "db/database_kind.h"
#include "migration/model/resource_loader.h"
#include "migration/parse/database_properties.h"

namespace ledgerhost::migration {

struct ParseOptions {
  db::DatabaseKind database = db::DatabaseKind::kSqlite;  // for dbms filters of changesets and properties
  std::vector<std::string> contexts;              // runtime contexts, for <property context=>
  std::string label_filter;                       // runtime label expression, for <property labels=>
  std::map<std::string, std::string> properties;  // -Dname=value from the command line
  std::optional<db::DatabaseServer> server;    // the live database's facts; none offline
};

// `path` is a resource path within `loader` (normalized by ResourceLoader::Resolve).
ChangeLog ParseChangeLog(const ResourceLoader& loader, const std::string& path, const ParseOptions& options);

}  // namespace ledgerhost::migration
