// Each database's catalog reader on a schema the engine made from one changelog, and the round trip
// Liquibase's generate-changelog promises: the changesets made from a snapshot, written as XML, YAML
// or JSON, parsed and applied to an empty database, give a database whose snapshot equals the first.
#include "snapshot/snapshot_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"
#include "migration/write/change_log_writer.h"
#include "snapshot/diff_change_sets.h"
#include "snapshot/schema_diff.h"
#include "support/test_database.h"

namespace ledgerhost::snapshot {
namespace {

using db::DatabaseKind;
using testing::TestDatabase;
using ::testing::ElementsAre;

// Every kind of object the readers know, with the details they must keep.
const char* kSchema = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
  <changeSet id="1" author="t">
    <createTable tableName="party" remarks="known parties">
      <column name="id" type="INT" autoIncrement="true"><constraints primaryKey="true" primaryKeyName="pk_party" nullable="false"/></column>
      <column name="x500_name" type="VARCHAR(120)"><constraints nullable="false"/></column>
      <column name="active" type="BOOLEAN" defaultValueBoolean="true"/>
      <column name="note" type="VARCHAR(40)" defaultValue="it's new"/>
      <column name="weight" type="DECIMAL(10,2)" defaultValueNumeric="1.50"/>
    </createTable>
    <addUniqueConstraint tableName="party" columnNames="x500_name" constraintName="uq_party_name"/>
  </changeSet>
  <changeSet id="2" author="t">
    <createTable tableName="account">
      <column name="id" type="BIGINT"><constraints primaryKey="true" primaryKeyName="pk_account" nullable="false"/></column>
      <column name="party_id" type="INT"><constraints nullable="false"/></column>
      <column name="currency" type="CHAR(3)" defaultValue="EUR"/>
      <column name="balance" type="BIGINT" defaultValueNumeric="0"/>
    </createTable>
    <createIndex tableName="account" indexName="idx_account_currency">
      <column name="currency"/>
      <column name="balance" descending="true"/>
    </createIndex>
    <addForeignKeyConstraint baseTableName="account" baseColumnNames="party_id" constraintName="fk_account_party"
        referencedTableName="party" referencedColumnNames="id" onDelete="CASCADE"/>
    <createView viewName="v_active_party">SELECT id, x500_name FROM party WHERE note IS NOT NULL</createView>
  </changeSet>
</databaseChangeLog>
)xml";

class SnapshotReaderTest : public ::testing::TestWithParam<DatabaseKind> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    connection_ = db_->Connect();
  }

  static void Apply(db::Connection& connection, const std::string& file, const std::string& text) {
    const migration::MemoryResourceLoader loader("test", {{file, text}});
    migration::ParseOptions options;
    options.database = connection.kind();
    const auto change_log = migration::ParseChangeLog(loader, file, options);
    migration::Migrator(change_log, loader, connection.kind(), &connection).Update();
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<db::Connection> connection_;
};

TEST_P(SnapshotReaderTest, ReadsWhatTheChangelogMade) {
  Apply(*connection_, "schema.xml", kSchema);
  const DatabaseSnapshot snapshot = ReadSnapshot(*connection_);
  ASSERT_EQ(snapshot.tables.size(), 2u) << "the history tables are nobody's objects";
  const Table* party = snapshot.FindTable("party");
  ASSERT_NE(party, nullptr);
  EXPECT_EQ(party->columns.size(), 5u);
  EXPECT_TRUE(party->columns[0].auto_increment);
  EXPECT_FALSE(party->columns[1].nullable);
  ASSERT_TRUE(party->columns[2].default_value);
  EXPECT_EQ(party->columns[2].default_value->kind, DefaultValue::Kind::kBoolean);
  EXPECT_EQ(party->columns[2].default_value->value, "true");
  ASSERT_TRUE(party->columns[3].default_value);
  EXPECT_EQ(party->columns[3].default_value->kind, DefaultValue::Kind::kString);
  EXPECT_EQ(party->columns[3].default_value->value, "it's new");
  ASSERT_TRUE(party->columns[4].default_value);
  EXPECT_EQ(party->columns[4].default_value->kind, DefaultValue::Kind::kNumeric);
  EXPECT_EQ(party->columns[4].default_value->value, "1.50");
  ASSERT_TRUE(party->primary_key);
  EXPECT_THAT(party->primary_key->columns, ElementsAre("id"));
  if (GetParam() != DatabaseKind::kMariadb) {  // MySQL's is always PRIMARY
    EXPECT_EQ(party->primary_key->name, "pk_party");
  }
  ASSERT_EQ(party->unique_constraints.size(), 1u);
  EXPECT_THAT(party->unique_constraints[0].columns, ElementsAre("x500_name"));
  if (GetParam() != DatabaseKind::kSqlite) {  // SQLite's addUniqueConstraint (a rebuild) keeps no name
    EXPECT_EQ(party->unique_constraints[0].name, "uq_party_name");
  }

  // MariaDB made the foreign key an index of its own, named after it: an index like any other there.
  ASSERT_EQ(snapshot.indexes.size(), GetParam() == DatabaseKind::kMariadb ? 2u : 1u);
  const Index& index = snapshot.indexes.back();
  EXPECT_EQ(index.name, "idx_account_currency");
  EXPECT_EQ(index.table, "account");
  EXPECT_THAT(index.columns, ElementsAre("currency", "balance DESC"));
  if (GetParam() == DatabaseKind::kMariadb) {
    EXPECT_EQ(snapshot.indexes.front().name, "fk_account_party");
  }
  ASSERT_EQ(snapshot.foreign_keys.size(), 1u);
  const ForeignKey& key = snapshot.foreign_keys[0];
  EXPECT_EQ(key.name, "fk_account_party");
  EXPECT_EQ(key.table, "account");
  EXPECT_THAT(key.columns, ElementsAre("party_id"));
  EXPECT_EQ(key.referenced_table, "party");
  EXPECT_THAT(key.referenced_columns, ElementsAre("id"));
  EXPECT_EQ(key.on_delete, "CASCADE");
  ASSERT_EQ(snapshot.views.size(), 1u);
  EXPECT_EQ(snapshot.views[0].name, "v_active_party");
  EXPECT_NE(snapshot.views[0].definition.find("x500_name"), std::string::npos);
}

TEST_P(SnapshotReaderTest, GeneratedChangeLogsRebuildTheSameSchemaInEveryFormat) {
  Apply(*connection_, "schema.xml", kSchema);
  const DatabaseSnapshot original = ReadSnapshot(*connection_);
  DatabaseSnapshot empty;
  empty.kind = original.kind;
  const auto change_sets = DiffChangeSets(Compare(original, empty), GetParam(), {"tester (generated)", 1700000000000});
  ASSERT_FALSE(change_sets.empty());
  for (const auto& [format, file] : {std::pair{migration::ChangeLogFormat::kXml, "generated.xml"},
                                     {migration::ChangeLogFormat::kYaml, "generated.yaml"},
                                     {migration::ChangeLogFormat::kJson, "generated.json"}}) {
    SCOPED_TRACE(file);
    TestDatabase copy(GetParam());
    auto target = copy.Connect();
    const std::string text = migration::WriteChangeLog(change_sets, format);
    Apply(*target, file, text);
    const SchemaDiff diff = Compare(original, ReadSnapshot(*target));
    EXPECT_TRUE(diff.empty()) << "changed columns: " << diff.columns.changed.size() << ", missing tables: "
                              << diff.tables.missing.size() << ", changed indexes: " << diff.indexes.changed.size()
                              << "\n" << text;
  }
}

TEST_P(SnapshotReaderTest, DiffChangeSetsBringAnOlderDatabaseUpToTheReference) {
  Apply(*connection_, "schema.xml", kSchema);
  TestDatabase older_db(GetParam());
  auto older = older_db.Connect();
  // Changeset 1 only, then a column the reference lacks and a narrower one than it has.
  std::string first = kSchema;
  first = first.substr(0, first.find("  <changeSet id=\"2\"")) + "</databaseChangeLog>\n";
  Apply(*older, "first.xml", first);
  older->Execute("ALTER TABLE party ADD COLUMN legacy INT");
  const DatabaseSnapshot reference = ReadSnapshot(*connection_);
  const SchemaDiff diff = Compare(reference, ReadSnapshot(*older));
  EXPECT_EQ(diff.tables.missing.size(), 1u);
  EXPECT_EQ(diff.columns.unexpected.size(), 1u);
  const auto change_sets = DiffChangeSets(diff, GetParam(), {"tester", 1});
  Apply(*older, "diff.xml", migration::WriteChangeLog(change_sets, migration::ChangeLogFormat::kXml));
  EXPECT_TRUE(Compare(reference, ReadSnapshot(*older)).empty());
}

// What each database can hold beyond createTable's words, written in its own SQL: the generated
// changelog (applied by ledgerhost) must rebuild it exactly.
std::string NativeSchema(DatabaseKind kind) {
  switch (kind) {
    case DatabaseKind::kSqlite:
      return "CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE);"
             "CREATE TABLE child (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER REFERENCES parent(id), "
             "code TEXT REFERENCES parent(code) ON DELETE SET NULL, note TEXT DEFAULT 'x');"
             "CREATE INDEX child_note_partial ON child (note) WHERE note IS NOT NULL;"
             "CREATE INDEX child_lower ON child (lower(note), id DESC);"
             "CREATE VIRTUAL TABLE docs USING fts5(body);"
             "CREATE VIEW v_z AS SELECT id FROM child;"
             "CREATE VIEW v_a AS SELECT * FROM v_z;";  // names a view that sorts after it
    case DatabaseKind::kPostgresql:
      return "CREATE TYPE mood AS ENUM ('sad', 'ok');"
             "CREATE DOMAIN positive_mood AS mood DEFAULT 'ok' NOT NULL;"
             "CREATE TYPE pair AS (a integer, b text);"
             "CREATE TABLE events (id bigint NOT NULL, day date NOT NULL, tags varchar(20)[], m positive_mood, p pair, "
             "amount numeric(10,2) DEFAULT NULL, twice integer GENERATED ALWAYS AS (id * 2) STORED, "
             "PRIMARY KEY (id, day)) PARTITION BY RANGE (day);"
             "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"
             "CREATE TABLE refs (id int PRIMARY KEY, event_id bigint, event_day date, "
             "FOREIGN KEY (event_id, event_day) REFERENCES events (id, day));"
             "CREATE INDEX refs_partial ON refs (event_id) WHERE event_id > 0;"
             "CREATE INDEX events_tags ON events_2026 USING gin (tags);"
             "CREATE VIEW v_z AS SELECT id FROM refs;"
             "CREATE VIEW v_a AS SELECT * FROM v_z;"
             "CREATE TABLE \"ORDERS\" (\"ORDER_ID\" int PRIMARY KEY, \"Note\" text);"  // names kept only quoted
             "CREATE INDEX \"ORDERS_NOTE\" ON \"ORDERS\" (\"Note\");";
    default:
      return "CREATE TABLE docs (id INT PRIMARY KEY, title VARCHAR(200), legacy VARCHAR(20) CHARACTER SET utf8mb3, "
             "body TEXT, meta JSON, KEY docs_title_prefix (title(10)), FULLTEXT KEY docs_body (body)) "
             "DEFAULT CHARSET = utf8mb4;"
             "CREATE TABLE refs (id INT PRIMARY KEY, doc_id INT, CONSTRAINT fk_refs_doc FOREIGN KEY (doc_id) "
             "REFERENCES docs (id));"
             "CREATE VIEW v_z AS SELECT id FROM refs;"
             "CREATE VIEW v_a AS SELECT * FROM v_z;";
  }
}

TEST_P(SnapshotReaderTest, GeneratedChangeLogRebuildsWhatOnlyTheDatabasesOwnSqlMakes) {
  const std::string sql = NativeSchema(GetParam());
  size_t start = 0;
  while (start < sql.size()) {
    const size_t end = sql.find(';', start);
    // The statements hold no ';' of their own: one statement per piece.
    const std::string statement = sql.substr(start, end - start);
    connection_->Execute(statement);
    start = end + 1;
  }
  const DatabaseSnapshot original = ReadSnapshot(*connection_);
  DatabaseSnapshot empty;
  empty.kind = original.kind;
  const auto change_sets = DiffChangeSets(Compare(original, empty), GetParam(), {"tester", 1});
  const std::string text = migration::WriteChangeLog(change_sets, migration::ChangeLogFormat::kXml);
  TestDatabase copy(GetParam());
  auto target = copy.Connect();
  Apply(*target, "native.xml", text);
  const SchemaDiff diff = Compare(original, ReadSnapshot(*target));
  for (const auto& changed : diff.columns.changed) {
    for (const auto& field : changed.differences) {
      ADD_FAILURE() << changed.reference.table << "." << changed.reference.object.name << " " << field.field << ": "
                    << field.reference << " -> " << field.comparison;
    }
  }
  EXPECT_TRUE(diff.empty()) << "tables " << diff.tables.missing.size() << "/" << diff.tables.changed.size()
                            << ", columns " << diff.columns.missing.size() << "/" << diff.columns.changed.size()
                            << ", indexes " << diff.indexes.missing.size() << "/" << diff.indexes.changed.size()
                            << ", foreign keys " << diff.foreign_keys.missing.size() << "/"
                            << diff.foreign_keys.changed.size() << ", types " << diff.types.missing.size() << "\n"
                            << text;
  if (GetParam() == DatabaseKind::kPostgresql) {
    EXPECT_EQ(original.foreign_keys.size(), 1u) << "a key to a partitioned table is one key, not one per partition";
    const Table* events = original.FindTable("events");
    ASSERT_NE(events, nullptr);
    EXPECT_EQ(events->FindColumn("tags")->type, "_varchar(20)");
    EXPECT_EQ(events->FindColumn("twice")->generated, "(id * 2)");
    EXPECT_FALSE(events->FindColumn("twice")->default_value);
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, SnapshotReaderTest,
                         ::testing::Values(DatabaseKind::kSqlite, DatabaseKind::kPostgresql, DatabaseKind::kMariadb),
                         [](const auto& info) { return testing::DatabaseName(info.param); });

}  // namespace
}  // namespace ledgerhost::snapshot
