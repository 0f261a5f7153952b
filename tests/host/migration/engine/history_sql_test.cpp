#include "migration/engine/history_sql.h"

#include <gtest/gtest.h>

namespace ledgerhost::migration {
namespace {

// Expected strings are Liquibase 4.28's own output (liquibase-spec.md Appendix B, and the golden
// update-sql files in ../shared/reference/liquibase-update-sql/).
TEST(HistorySqlTest, TableDdlMatchesLiquibase) {
  EXPECT_EQ(HistorySql(db::DatabaseKind::kPostgresql).CreateLockTable(),
            "CREATE TABLE databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP "
            "WITHOUT TIME ZONE, LOCKEDBY VARCHAR(255), CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (ID))");
  EXPECT_EQ(HistorySql(db::DatabaseKind::kSqlite).CreateChangeLogTable(),
            "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME "
            "VARCHAR(255) NOT NULL, DATEEXECUTED TEXT NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) "
            "NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE "
            "VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))");
  EXPECT_EQ(HistorySql(db::DatabaseKind::kMysql).InitializeLockTable().back(),
            "INSERT INTO databasechangeloglock (ID, `LOCKED`) VALUES (1, 0)");
}

// MySQL/MariaDB: Liquibase names the tables as the connection's case-sensitivity says (upper case
// against a server, lower case offline), and BooleanType makes LOCKED TINYINT(1) on MariaDB only.
TEST(HistorySqlTest, MysqlFamilyTablesAsLiquibaseNamesThemLiveAndOffline) {
  EXPECT_EQ(HistorySql(db::DatabaseKind::kMariadb).ChangeLogTable(), "databasechangelog");
  EXPECT_EQ(HistorySql(db::DatabaseKind::kMariadb, /*live=*/true).ChangeLogTable(), "DATABASECHANGELOG");
  EXPECT_EQ(HistorySql(db::DatabaseKind::kMysql, /*live=*/true).LockTable(), "DATABASECHANGELOGLOCK");
  EXPECT_EQ(HistorySql(db::DatabaseKind::kMysql).LockTable(), "databasechangeloglock");
  EXPECT_NE(HistorySql(db::DatabaseKind::kMariadb).CreateLockTable().find("`LOCKED` TINYINT(1) NOT NULL"),
            std::string::npos);
  EXPECT_NE(HistorySql(db::DatabaseKind::kMysql).CreateLockTable().find("`LOCKED` TINYINT NOT NULL"), std::string::npos);
  // PostgreSQL and SQLite do not depend on it.
  EXPECT_EQ(HistorySql(db::DatabaseKind::kPostgresql, /*live=*/true).ChangeLogTable(), "databasechangelog");
  EXPECT_EQ(HistorySql(db::DatabaseKind::kSqlite, /*live=*/true).LockTable(), "DATABASECHANGELOGLOCK");
}

TEST(HistorySqlTest, InsertMatchesLiquibaseIncludingQuotesAndTag) {
  HistoryRow row;
  row.id = "5";
  row.author = "spec";
  row.filename = "changelog.xml";
  row.order_executed = 9;
  row.md5sum = "9:635ff1e577e13420abaf0552fb77ab20";
  row.description = "tagDatabase";
  row.comments = "";
  row.exec_type = "EXECUTED";
  row.liquibase = "4.28.0";
  row.deployment_id = "5384665254";
  row.tag = "v1";
  EXPECT_EQ(HistorySql(db::DatabaseKind::kPostgresql).Insert(row),
            "INSERT INTO databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, "
            "COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID, TAG) VALUES ('5', 'spec', "
            "'changelog.xml', NOW(), 9, '9:635ff1e577e13420abaf0552fb77ab20', 'tagDatabase', '', 'EXECUTED', NULL, "
            "NULL, '4.28.0', '5384665254', 'v1')");
  row.tag.reset();
  row.author = "o'brien";
  EXPECT_NE(HistorySql(db::DatabaseKind::kSqlite).Insert(row).find("'o''brien', 'changelog.xml', CURRENT_TIMESTAMP"),
            std::string::npos);
}

TEST(HistorySqlTest, LockStatementsPerDatabase) {
  EXPECT_EQ(HistorySql(db::DatabaseKind::kSqlite).Lock("vm (10.0.0.1)"),
            "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKEDBY = 'vm (10.0.0.1)', LOCKGRANTED = CURRENT_TIMESTAMP "
            "WHERE ID = 1 AND LOCKED = 0");
  EXPECT_EQ(HistorySql(db::DatabaseKind::kPostgresql).Unlock(),
            "UPDATE databasechangeloglock SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1");
}

}  // namespace
}  // namespace ledgerhost::migration
