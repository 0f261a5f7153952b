// Changes Liquibase runs as JDBC prepared statements (a valueClobFile): update-sql prints its
// warning instead of the SQL, update stores the file's text. Real SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"
#include "support/test_database.h"

namespace ledgerhost::migration {
namespace {

class PreparedStatementTest : public ::testing::TestWithParam<db::DatabaseKind> {};

TEST_P(PreparedStatementTest, ScriptShowsLiquibasesWarningAndUpdateStoresTheText) {
  const auto dir = std::filesystem::temp_directory_path() / ledgerhost::testing::UniqueName("ledgerhost_prepared");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "note.txt") << "it's a\nmulti-line text";
  std::ofstream(dir / "changelog.xml") << R"(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
  <changeSet id="1" author="t">
    <createTable tableName="note"><column name="id" type="INT"/><column name="body" type="CLOB"/></createTable>
  </changeSet>
  <changeSet id="2" author="t">
    <insert tableName="note"><column name="id" valueNumeric="1"/><column name="body" valueClobFile="note.txt"/></insert>
    <update tableName="note"><column name="body" valueClobFile="note.txt"/><where>id = 1</where></update>
  </changeSet>
</databaseChangeLog>
)";
  ledgerhost::testing::TestDatabase db(GetParam());
  auto connection = db.Connect();
  DirectoryResourceLoader loader(dir);
  ParseOptions options;
  options.database = GetParam();
  const ChangeLog log = ParseChangeLog(loader, "changelog.xml", options);
  MigratorOptions migrator_options;
  migrator_options.lock.wait = std::chrono::milliseconds(300);
  Migrator migrator(log, loader, GetParam(), connection.get(), migrator_options);

  std::ostringstream script;
  migrator.UpdateSql(script);
  const std::string text = script.str();
  const std::string warning =
      "WARNING: This statement uses a prepared statement which cannot be execute directly by this script. Only works "
      "in 'update' mode\n\n";
  const auto changeset = text.find("-- Changeset changelog.xml::2::t\n");
  ASSERT_NE(changeset, std::string::npos) << text;
  EXPECT_EQ(text.substr(changeset + 33, 2 * warning.size()), warning + warning) << text;
  EXPECT_EQ(text.find("INSERT INTO note"), std::string::npos) << text;

  migrator.Update();
  auto body = connection->QueryScalar("SELECT body FROM note WHERE id = 1");
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(*body, "it's a\nmulti-line text");
  connection.reset();
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Databases, PreparedStatementTest,
                         ::testing::Values(db::DatabaseKind::kSqlite, db::DatabaseKind::kPostgresql),
                         [](const ::testing::TestParamInfo<db::DatabaseKind>& info) {
                           return ledgerhost::testing::DatabaseName(info.param);
                         });

}  // namespace
}  // namespace ledgerhost::migration
