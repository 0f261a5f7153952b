// Schema drift on real SQLite and PostgreSQL databases: tables written by hand in SQL or created by
// the migration engine, compared with catalogs built by hand.
#include "schema/schema_drift.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"
#include "schema/derived_change_log.h"
#include "support/test_database.h"

namespace ledgerhost::schema {
namespace {

using db::DatabaseKind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

SelectedSchema Schema(std::vector<MappedEntity> entities, std::string prefix = "", std::string database_schema = "") {
  SelectedSchema schema;
  schema.family = "com.example.DriftSchema";
  schema.version = 1;
  schema.name = "DriftSchemaV1";
  schema.entities = std::move(entities);
  schema.table_prefix = std::move(prefix);
  schema.database_schema = std::move(database_schema);
  return schema;
}

// An entity like the vault's mapped tables: a composite key, a sized string, numbers and a flag.
MappedEntity Loans(const std::string& table = "loans") {
  return {table,
          {{"transaction_id", "VARCHAR", false, true, 144},
           {"output_index", "INT", false, true},
           {"lender", "VARCHAR", true, false, 255},
           {"amount", "BIGINT", false},
           {"secured", "BOOLEAN", true}},
          ""};
}

// The SQL a person would write for Loans() on each database.
std::string LoansSql(DatabaseKind kind, const std::string& table = "loans") {
  const bool pg = kind == DatabaseKind::kPostgresql;
  return "CREATE TABLE " + table + " (transaction_id VARCHAR(144) NOT NULL, output_index " +
         (pg ? "INTEGER" : "INT") + " NOT NULL, lender " + (pg ? "character varying(255)" : "VARCHAR(255)") +
         ", amount BIGINT NOT NULL, secured " + (pg ? "bool" : "BOOLEAN") +
         ", PRIMARY KEY (transaction_id, output_index))";
}

// Each drift as "table.column: problem", the schema checked separately where it matters.
std::vector<std::string> Lines(const std::vector<Drift>& drift) {
  std::vector<std::string> out;
  for (const auto& d : drift) out.push_back(d.table + (d.column.empty() ? "" : "." + d.column) + ": " + d.problem);
  return out;
}

class SchemaDriftTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  SchemaDriftTest() : database_(GetParam()), connection_(database_.Connect()) {}
  ~SchemaDriftTest() override {
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }

  bool pg() const { return GetParam() == DatabaseKind::kPostgresql; }
  bool mariadb() const { return GetParam() == DatabaseKind::kMariadb; }
  std::vector<std::string> Check(std::vector<SelectedSchema> schemas) {
    return Lines(FindSchemaDrift(*connection_, SchemaCatalog(std::move(schemas))));
  }
  // Creates the schema's tables the way the node does for a schema without a changelog.
  void MigrateDerived(const SelectedSchema& schema) {
    const migration::ChangeLog change_log = DeriveChangeLog(schema);
    const migration::MemoryResourceLoader loader("derived", {});
    migration::Migrator(change_log, loader, GetParam(), connection_.get()).Update();
  }
  // Writes `xml` as a changelog file in a scratch directory and applies it with the engine.
  void MigrateFile(const std::string& xml) {
    dir_ = std::filesystem::temp_directory_path() / testing::UniqueName("ledgerhost_drift");
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "changelog.xml") << xml;
    const migration::DirectoryResourceLoader loader(dir_);
    migration::ParseOptions options;
    options.database = GetParam();
    const migration::ChangeLog change_log = migration::ParseChangeLog(loader, "changelog.xml", options);
    migration::Migrator(change_log, loader, GetParam(), connection_.get()).Update();
  }

  testing::TestDatabase database_;
  std::unique_ptr<db::Connection> connection_;
  std::filesystem::path dir_;
};

TEST_P(SchemaDriftTest, TablesWrittenInSqlThatMatchShowNoDrift) {
  connection_->Execute(LoansSql(GetParam()));
  EXPECT_THAT(Check({Schema({Loans()})}), IsEmpty());
}

// Every Liquibase type an entity may declare, created by the engine as the node derives tables:
// whatever the engine makes of a type on this database (TEXT for TIMESTAMP on SQLite, OID for BLOB
// on PostgreSQL) is no drift.
TEST_P(SchemaDriftTest, TablesTheEngineCreatesForEveryTypeShowNoDrift) {
  const MappedEntity everything{"everything",
                                {{"id", "BIGINT", false, true},
                                 {"v_varchar", "VARCHAR", true, false, 255},
                                 {"v_varchar_sized", "VARCHAR(40)", false},
                                 {"v_nvarchar", "NVARCHAR", true, false, 100},
                                 {"v_char", "CHAR(3)", true},
                                 {"v_text", "TEXT", true},
                                 {"v_clob", "CLOB", true},
                                 {"v_int", "INT", false},
                                 {"v_integer", "INTEGER", true},
                                 {"v_smallint", "SMALLINT", true},
                                 {"v_tinyint", "TINYINT", true},
                                 {"v_decimal", "DECIMAL(19,4)", true},
                                 {"v_numeric", "NUMERIC(10, 2)", true},
                                 {"v_number", "NUMBER", true},
                                 {"v_currency", "CURRENCY", true},
                                 {"v_double", "DOUBLE", true},
                                 {"v_float", "FLOAT", true},
                                 {"v_real", "REAL", true},
                                 {"v_boolean", "BOOLEAN", false},
                                 {"v_bit", "BIT", true},
                                 {"v_timestamp", "TIMESTAMP", true},
                                 {"v_datetime", "DATETIME", true},
                                 {"v_date", "DATE", true},
                                 {"v_time", "TIME", true},
                                 {"v_blob", "BLOB", true},
                                 {"v_varbinary", "VARBINARY", true, false, 16},
                                 {"v_binary", "BINARY(8)", true},
                                 {"v_uuid", "UUID", true}},
                                ""};
  const SelectedSchema schema = Schema({everything, Loans()});
  MigrateDerived(schema);
  EXPECT_THAT(Check({schema}), IsEmpty());
}

TEST_P(SchemaDriftTest, TablesFromAChangeLogFileShowNoDrift) {
  MigrateFile(R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="drift-test">
    <createTable tableName="loans">
      <column name="transaction_id" type="VARCHAR(144)">
        <constraints primaryKey="true" primaryKeyName="loans_pk" nullable="false"/>
      </column>
      <column name="output_index" type="INT"><constraints primaryKey="true" nullable="false"/></column>
      <column name="lender" type="VARCHAR(255)"/>
      <column name="amount" type="BIGINT"><constraints nullable="false"/></column>
      <column name="secured" type="BOOLEAN"/>
      <column name="issued_at" type="TIMESTAMP"/>
    </createTable>
  </changeSet>
</databaseChangeLog>
)xml");
  MappedEntity loans = Loans();
  loans.columns.push_back({"issued_at", "TIMESTAMP", true});
  EXPECT_THAT(Check({Schema({loans})}), IsEmpty());
}

TEST_P(SchemaDriftTest, MissingTableIsReportedWithTheSchema) {
  const SelectedSchema schema = Schema({Loans()});
  const auto drift = FindSchemaDrift(*connection_, SchemaCatalog({schema}));
  ASSERT_EQ(drift.size(), 1u);
  EXPECT_EQ(drift[0].schema, schema.Describe());
  EXPECT_EQ(drift[0].table, "loans");
  EXPECT_EQ(drift[0].column, "");
  EXPECT_EQ(drift[0].problem, "table is missing");
  EXPECT_EQ(drift[0].ToString(), "DriftSchemaV1 v1 (com.example.DriftSchema) of the host: loans: table is missing");
}

TEST_P(SchemaDriftTest, MissingColumnIsReported) {
  connection_->Execute(LoansSql(GetParam()));
  MappedEntity loans = Loans();
  loans.columns.push_back({"maturity", "DATE", true});
  const auto drift = FindSchemaDrift(*connection_, SchemaCatalog({Schema({loans})}));
  EXPECT_THAT(Lines(drift), ElementsAre("loans.maturity: column is missing"));
  EXPECT_EQ(drift.at(0).ToString(),
            "DriftSchemaV1 v1 (com.example.DriftSchema) of the host: loans.maturity: column is missing");
}

TEST_P(SchemaDriftTest, ADifferentTypeFamilyIsReported) {
  connection_->Execute("CREATE TABLE loans (transaction_id VARCHAR(144) NOT NULL, output_index INT NOT NULL, "
                       "lender VARCHAR(255), amount TEXT NOT NULL, secured BIGINT, PRIMARY KEY (transaction_id, output_index))");
  // Each database's own name of the type: SQLite's declared text, PostgreSQL's format_type, MariaDB's column_type.
  const std::string text = pg() || mariadb() ? "text" : "TEXT";
  const std::string bigint = pg() ? "bigint" : mariadb() ? "bigint(20)" : "BIGINT";
  EXPECT_THAT(Check({Schema({Loans()})}),
              UnorderedElementsAre("loans.amount: type is " + text + ", entity declares BIGINT (integer)",
                                   "loans.secured: type is " + bigint + ", entity declares BOOLEAN (boolean)"));
}

TEST_P(SchemaDriftTest, NullabilityIsComparedBothWays) {
  // amount may be NULL though the entity says NOT NULL; lender is NOT NULL though the entity allows NULL.
  connection_->Execute("CREATE TABLE loans (transaction_id VARCHAR(144) NOT NULL, output_index INT NOT NULL, "
                       "lender VARCHAR(255) NOT NULL, amount BIGINT, secured BOOLEAN, "
                       "PRIMARY KEY (transaction_id, output_index))");
  EXPECT_THAT(Check({Schema({Loans()})}), UnorderedElementsAre("loans.amount: nullable, entity declares NOT NULL",
                                                               "loans.lender: NOT NULL, entity declares nullable"));
}

TEST_P(SchemaDriftTest, PrimaryKeyColumnsMustBeNotNull) {
  // SQLite lets a non-integer primary key column hold NULL unless it is declared NOT NULL.
  connection_->Execute("CREATE TABLE tokens (id VARCHAR(20) PRIMARY KEY, n INT)");
  const MappedEntity tokens{"tokens", {{"id", "VARCHAR", true, true, 20}, {"n", "INT", true}}, ""};
  if (pg() || mariadb()) {  // both make a primary key's columns NOT NULL themselves
    EXPECT_THAT(Check({Schema({tokens})}), IsEmpty());
  } else {
    EXPECT_THAT(Check({Schema({tokens})}), ElementsAre("tokens.id: nullable, entity declares NOT NULL"));
  }
}

TEST_P(SchemaDriftTest, StringLengthsAreCompared) {
  connection_->Execute("CREATE TABLE loans (transaction_id VARCHAR(144) NOT NULL, output_index INT NOT NULL, "
                       "lender VARCHAR(100), amount BIGINT NOT NULL, secured BOOLEAN, code CHAR(3), note TEXT, "
                       "PRIMARY KEY (transaction_id, output_index))");
  MappedEntity loans = Loans();
  loans.columns.push_back({"code", "CHAR(2)", true});
  loans.columns.push_back({"note", "VARCHAR", true, false, 500});  // TEXT has no length: nothing to compare
  EXPECT_THAT(Check({Schema({loans})}), UnorderedElementsAre("loans.lender: VARCHAR length 100, entity declares 255",
                                                             "loans.code: CHAR length 3, entity declares 2"));
}

TEST_P(SchemaDriftTest, ExtraTablesAndColumnsAreNotDrift) {
  connection_->Execute("CREATE TABLE loans (transaction_id VARCHAR(144) NOT NULL, output_index INT NOT NULL, "
                       "lender VARCHAR(255), amount BIGINT NOT NULL, secured BOOLEAN, extra_column INT NOT NULL, "
                       "PRIMARY KEY (transaction_id, output_index))");
  connection_->Execute("CREATE TABLE unrelated (id INT)");
  EXPECT_THAT(Check({Schema({Loans()})}), IsEmpty());
}

TEST_P(SchemaDriftTest, TablesCarryTheSchemasPrefix) {
  // Only the unprefixed table exists: the prefixed one the schema uses is missing.
  connection_->Execute(LoansSql(GetParam()));
  EXPECT_THAT(Check({Schema({Loans()}, "acme_")}), ElementsAre("acme_loans: table is missing"));

  connection_->Execute(LoansSql(GetParam(), "acme_loans"));
  connection_->Execute("ALTER TABLE acme_loans ADD COLUMN due DATE");
  MappedEntity loans = Loans();
  loans.columns.push_back({"due", "TIMESTAMP", true});
  EXPECT_THAT(Check({Schema({loans}, "acme_")}),
              ElementsAre("acme_loans.due: type is " + std::string(pg() || mariadb() ? "date" : "DATE") +
                          ", entity declares TIMESTAMP (timestamp)"));
}

TEST_P(SchemaDriftTest, PrefixedTablesTheEngineCreatesShowNoDrift) {
  const SelectedSchema schema = Schema({Loans(), {"parts", {{"name", "VARCHAR", false, false, 50}}, "loans"}}, "acme_");
  MigrateDerived(schema);
  EXPECT_THAT(Check({schema}), IsEmpty());
  EXPECT_THAT(Check({Schema({Loans()})}), ElementsAre("loans: table is missing"));
}

TEST_P(SchemaDriftTest, NamesMatchInAnyCase) {
  // Unquoted mixed-case names: PostgreSQL folds them to lower case, SQLite keeps them as written.
  connection_->Execute("CREATE TABLE LoanRecords (TxId VARCHAR(64) NOT NULL, Amount BIGINT)");
  const MappedEntity upper{"LOANRECORDS", {{"TXID", "VARCHAR", false, false, 64}, {"AMOUNT", "BIGINT", true}}, ""};
  const MappedEntity lower{"loanrecords", {{"txid", "varchar", false, false, 64}, {"amount", "bigint", true}}, ""};
  EXPECT_THAT(Check({Schema({upper}), Schema({lower}, "", "")}), IsEmpty());
  const MappedEntity wrong{"LoanRecords", {{"TxId", "VARCHAR", false, false, 32}}, ""};
  EXPECT_THAT(Check({Schema({wrong})}), ElementsAre("LoanRecords.TxId: VARCHAR length 64, entity declares 32"));
}

TEST_P(SchemaDriftTest, ViewsAreNotTables) {
  connection_->Execute(LoansSql(GetParam(), "loan_rows"));
  connection_->Execute("CREATE VIEW loans AS SELECT * FROM loan_rows");
  EXPECT_THAT(Check({Schema({Loans()})}), ElementsAre("loans: table is missing"));
}

TEST_P(SchemaDriftTest, UnknownTypeNamesCompareAsText) {
  const std::string type = pg() ? "jsonb" : mariadb() ? "geometry" : "GEOMETRY";
  connection_->Execute("CREATE TABLE shapes (id INT NOT NULL, body " + type + ")");
  const MappedEntity same{"shapes", {{"id", "INT", false}, {"body", pg() ? "JSONB" : "geometry", true}}, ""};
  EXPECT_THAT(Check({Schema({same})}), IsEmpty());
  const MappedEntity other{"shapes", {{"id", "INT", false}, {"body", "SHAPE_TYPE", true}}, ""};
  EXPECT_THAT(Check({Schema({other})}),
              ElementsAre("shapes.body: type is " + type + ", entity declares SHAPE_TYPE (shape_type)"));
}

TEST_P(SchemaDriftTest, EverySchemaOfTheCatalogIsChecked) {
  connection_->Execute(LoansSql(GetParam()));
  SelectedSchema second = Schema({{"notes", {{"text", "TEXT", true}}, ""}});
  second.family = "com.example.Notes";
  second.name = "NotesSchemaV2";
  second.version = 2;
  const auto drift = FindSchemaDrift(*connection_, SchemaCatalog({Schema({Loans()}), second}));
  ASSERT_EQ(drift.size(), 1u);
  EXPECT_EQ(drift[0].ToString(), "NotesSchemaV2 v2 (com.example.Notes) of the host: notes: table is missing");
}

INSTANTIATE_TEST_SUITE_P(Databases, SchemaDriftTest,
                         ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         [](const auto& info) { return testing::DatabaseName(info.param); });

// PostgreSQL only: database schemas, and tables whose names differ only in case.
class PostgresSchemaDriftTest : public ::testing::Test {
 protected:
  PostgresSchemaDriftTest() : database_(DatabaseKind::kPostgresql), connection_(database_.Connect()) {}
  std::vector<std::string> Check(std::vector<SelectedSchema> schemas) {
    return Lines(FindSchemaDrift(*connection_, SchemaCatalog(std::move(schemas))));
  }

  testing::TestDatabase database_;
  std::unique_ptr<db::Connection> connection_;
};

TEST_F(PostgresSchemaDriftTest, TablesAreLookedUpInTheDatabaseSchema) {
  connection_->Execute("CREATE SCHEMA ledger");
  // The current schema has a matching table; the database schema has none yet.
  connection_->Execute(LoansSql(DatabaseKind::kPostgresql));
  EXPECT_THAT(Check({Schema({Loans()}, "", "ledger")}), ElementsAre("ledger.loans: table is missing"));

  connection_->Execute("CREATE TABLE ledger.loans (transaction_id VARCHAR(144) NOT NULL, output_index INT NOT NULL, "
                       "lender VARCHAR(100), amount BIGINT NOT NULL, secured BOOLEAN, "
                       "PRIMARY KEY (transaction_id, output_index))");
  EXPECT_THAT(Check({Schema({Loans()}, "", "ledger")}),
              ElementsAre("ledger.loans.lender: VARCHAR length 100, entity declares 255"));
  EXPECT_THAT(Check({Schema({Loans()})}), IsEmpty());  // public.loans is still in sync
}

TEST_F(PostgresSchemaDriftTest, PrefixedTablesInADatabaseSchemaTheEngineCreatesShowNoDrift) {
  connection_->Execute("CREATE SCHEMA ledger_data");
  const SelectedSchema schema = Schema({Loans()}, "acme_", "ledger_data");
  const migration::ChangeLog change_log = DeriveChangeLog(schema);
  const migration::MemoryResourceLoader loader("derived", {});
  migration::Migrator(change_log, loader, DatabaseKind::kPostgresql, connection_.get()).Update();
  EXPECT_THAT(Check({schema}), IsEmpty());
  // Unquoted, LEDGER_DATA names the same schema.
  EXPECT_THAT(Check({Schema({Loans()}, "acme_", "LEDGER_DATA")}), IsEmpty());
  EXPECT_THAT(Check({Schema({Loans()}, "acme_")}), ElementsAre("acme_loans: table is missing"));
}

TEST_F(PostgresSchemaDriftTest, AnExactNameWinsOverOneThatDiffersInCase) {
  connection_->Execute("CREATE TABLE \"Loans\" (\"Amount\" TEXT, amount BIGINT)");
  connection_->Execute("CREATE TABLE loans (amount BIGINT)");
  const MappedEntity quoted{"Loans", {{"Amount", "TEXT", true}, {"amount", "BIGINT", true}}, ""};
  const MappedEntity folded{"LOANS", {{"AMOUNT", "BIGINT", true}}, ""};  // unquoted: loans.amount
  EXPECT_THAT(Check({Schema({quoted}), Schema({folded})}), IsEmpty());
  const MappedEntity wrong{"Loans", {{"Amount", "BIGINT", true}}, ""};
  EXPECT_THAT(Check({Schema({wrong})}), ElementsAre("Loans.Amount: type is text, entity declares BIGINT (integer)"));
}

// SQLite only: its rowid primary key and attached databases.
class SqliteSchemaDriftTest : public ::testing::Test {
 protected:
  SqliteSchemaDriftTest() : database_(DatabaseKind::kSqlite), connection_(database_.Connect()) {}
  std::vector<std::string> Check(std::vector<SelectedSchema> schemas) {
    return Lines(FindSchemaDrift(*connection_, SchemaCatalog(std::move(schemas))));
  }

  testing::TestDatabase database_;
  std::unique_ptr<db::Connection> connection_;
};

TEST_F(SqliteSchemaDriftTest, AnIntegerPrimaryKeyIsNeverNull) {
  // pragma table_info reports the rowid alias as nullable, but it cannot hold NULL; WITHOUT ROWID
  // tables enforce NOT NULL on their keys.
  connection_->Execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INT)");
  connection_->Execute("CREATE TABLE keyed (id TEXT, n INT, PRIMARY KEY (id)) WITHOUT ROWID");
  const MappedEntity counters{"counters", {{"id", "BIGINT", false, true}, {"n", "INT", true}}, ""};
  const MappedEntity keyed{"keyed", {{"id", "TEXT", false, true}, {"n", "INT", true}}, ""};
  EXPECT_THAT(Check({Schema({counters, keyed})}), IsEmpty());
}

TEST_F(SqliteSchemaDriftTest, TimestampsMayBeTextOrDeclaredAsTimestamps) {
  connection_->Execute("CREATE TABLE events (at_text TEXT, at_timestamp TIMESTAMP, at_datetime DATETIME, at_int INT)");
  const MappedEntity events{"events",
                            {{"at_text", "TIMESTAMP", true},
                             {"at_timestamp", "TIMESTAMP", true},
                             {"at_datetime", "TIMESTAMP", true},
                             {"at_int", "TIMESTAMP", true}},
                            ""};
  EXPECT_THAT(Check({Schema({events})}), ElementsAre("events.at_int: type is INT, entity declares TIMESTAMP (timestamp)"));
}

TEST_F(SqliteSchemaDriftTest, ADatabaseSchemaIsAnAttachedDatabase) {
  const auto other = std::filesystem::temp_directory_path() / (testing::UniqueName("ledgerhost_drift_attached") + ".db");
  connection_->Query("ATTACH DATABASE ? AS ledger", {other.string()});
  connection_->Execute("CREATE TABLE ledger.notes (body TEXT NOT NULL)");
  const MappedEntity notes{"notes", {{"body", "TEXT", false}}, ""};
  EXPECT_THAT(Check({Schema({notes}, "", "ledger")}), IsEmpty());
  EXPECT_THAT(Check({Schema({notes})}), ElementsAre("notes: table is missing"));
  EXPECT_THAT(Check({Schema({notes}, "", "nowhere")}), ElementsAre("nowhere.notes: table is missing"));
  connection_->Execute("DETACH DATABASE ledger");
  std::filesystem::remove(other);
}

}  // namespace
}  // namespace ledgerhost::schema
