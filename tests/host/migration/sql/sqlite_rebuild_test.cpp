// Liquibase's SQLite table rebuild, checked against what Liquibase 4.28 generates for the same live
// table (data/sqlite_rebuild/, captured by its capture.sh): column types as the SQLite JDBC driver
// reports them, defaults as Liquibase reads them back, and what each change type's visitor keeps.
// The tables here are described by hand, as the engine's introspection reports them; the engine
// tests run the same rebuilds on real SQLite databases.
#include "migration/sql/sqlite_rebuild.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "liquibase_output.h"
#include "migration/sql/sql_generator.h"
#include "migration/sql/sqlite_type.h"

namespace ledgerhost::migration {
namespace {

using testing::SqlTestData;

std::vector<std::vector<std::string>> ReadExpected(const std::string& name, std::size_t fields) {
  std::ifstream in(SqlTestData() / "sqlite_rebuild" / name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < fields; ++i) {
      const std::size_t bar = line.find('\t', start);
      row.push_back(line.substr(start, bar - start));
      start = bar + 1;
    }
    row.push_back(line.substr(start));
    rows.push_back(row);
  }
  return rows;
}

// One table "t (c <type> [DEFAULT ...])" as the engine's introspection reports it.
TableIntrospector OneColumnTable(const std::string& declared, std::optional<std::string> column_default) {
  LiveTable table;
  table.name = "t";
  table.sql = "CREATE TABLE t (c " + declared + ")";
  ColumnInfo column;
  column.name = "c";
  column.type = declared;
  if (const auto not_null = declared.find(" NOT NULL"); not_null != std::string::npos) {
    column.type = declared.substr(0, not_null);  // SQLite reads the rest as a constraint
    column.nullable = false;
  }
  column.default_value = std::move(column_default);
  table.columns.push_back(column);
  return [table](const std::string& name) -> std::optional<LiveTable> {
    if (name == "t") return table;
    return std::nullopt;
  };
}

// The column definition of the rebuilt "t", or "ERROR <message>".
std::string RebuiltColumn(const TableIntrospector& introspect) {
  try {
    const auto statements = SqliteTableRebuild(introspect, "t", "", RebuildVisitor{}, "test");
    const std::string& create = statements.at(1).sql;
    const std::string prefix = "CREATE TABLE t (c ";
    if (create.rfind(prefix, 0) != 0) return "unexpected: " + create;
    return create.substr(prefix.size(), create.size() - prefix.size() - 1);
  } catch (const MigrationError& e) {
    const std::string message = e.what();
    return "ERROR " + message.substr(message.find(": ") + 2);
  }
}

TEST(SqliteRebuild, ColumnTypesAreTheOnesLiquibaseReadsFromTheDriver) {
  const auto rows = ReadExpected("types.expected", 3);
  ASSERT_GT(rows.size(), 100u);
  int checked = 0;
  for (const auto& row : rows) {
    const std::string& declared = row[0];
    if (row[1] != "n/a") {
      EXPECT_EQ(RebuiltColumn(OneColumnTable(declared, std::nullopt)), row[1]) << "declared " << declared;
      ++checked;
    }
    std::string changelog;
    try {
      changelog = DatabaseType(declared, DatabaseKind::kSqlite);
    } catch (const MigrationError& e) {
      changelog = std::string("ERROR ") + e.what();
    }
    EXPECT_EQ(changelog, row[2]) << "changelog type " << declared;
  }
  EXPECT_GT(checked, 90);
}

TEST(SqliteRebuild, DefaultsAreReadAndPrintedAsLiquibaseDoes) {
  const auto rows = ReadExpected("defaults.expected", 4);
  ASSERT_GT(rows.size(), 1000u);
  for (const auto& row : rows) {
    // row: type, default as written, dflt_value SQLite keeps ("None": NULL), expected column
    std::optional<std::string> kept;
    if (row[2] != "None") kept = row[2];
    EXPECT_EQ(RebuiltColumn(OneColumnTable(row[0], kept)), row[3]) << row[0] << " DEFAULT " << row[1];
  }
}

}  // namespace
}  // namespace ledgerhost::migration
