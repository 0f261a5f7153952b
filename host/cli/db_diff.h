// `db snapshot`, `db diff`, `db diff-changelog` and `db generate-changelog`: Liquibase's commands that
// read a database's catalog, compare two, and write the changesets that make one like the other.
#pragma once

#include <ostream>
#include <string>

#include "db/connection.h"
#include "snapshot/snapshot_report.h"

namespace ledgerhost::cli {

struct DiffOptions {
  std::string reference_url;  // diff, diff-changelog: the database as it should be
  std::string reference_username;
  std::string reference_password;
  std::string reference_default_schema;  // --reference-default-schema-name
  std::string changelog_file;  // diff-changelog, generate-changelog: where the changesets go
  std::string author;          // "" = Liquibase's "<login name> (generated)"
  std::string diff_types;      // "" = all; else Liquibase's --diff-types list (tables,columns,...)
  bool overwrite_output_file = false;
  snapshot::SnapshotFormat snapshot_format = snapshot::SnapshotFormat::kText;
};

// Each prints its report to `out` and returns the exit code.
int RunSnapshot(db::Connection& connection, const DiffOptions& options, std::ostream& out);
int RunDiff(db::Connection& comparison, const DiffOptions& options, std::ostream& out);
int RunDiffChangeLog(db::Connection& comparison, const DiffOptions& options, std::ostream& out);
int RunGenerateChangeLog(db::Connection& connection, const DiffOptions& options, std::ostream& out);

}  // namespace ledgerhost::cli
