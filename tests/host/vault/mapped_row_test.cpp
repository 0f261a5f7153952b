// The INSERT a mapped row becomes, without a database: only declared, quoted names in the SQL, every
// value bound, NULL for absent values and anonymous parties, prefix and database schema applied.
#include "vault/mapped_row.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "loan_state.h"
#include "test_parties.h"

namespace ledgerhost::vault::test {
namespace {

using db::DatabaseKind;
using ::testing::HasSubstr;

PersistentState LoanRow() {
  PersistentState row;
  row.table_name = "loans";
  row.columns = {{"lender", Bank()}, {"borrower", Anonymous()}, {"amount", int64_t{-42}},
                 {"rate", 1.5},      {"secured", false},        {"memo", std::monostate{}}};
  return row;
}

TEST(MappedRowTest, BindsEveryValueOnPostgresql) {
  const auto insert =
      PrepareMappedInsert(SelectedLoanSchema("p_", "vault_ext"), LoanRow(), {"tx'1", 3}, DatabaseKind::kPostgresql);
  EXPECT_EQ(
      insert.sql,
      "INSERT INTO vault_ext.p_loans (transaction_id, output_index, amount, borrower, lender, memo, rate, secured) "
      "VALUES ($1, $2, $3, NULL, $4, NULL, $5, $6)");
  EXPECT_EQ(insert.params, (std::vector<std::string>{"tx'1", "3", "-42", Bank().x500_name, "1.5", "false"}));
  EXPECT_EQ(insert.description, "table loans of LoanSchemaV1 v1 (com.example.schemas.LoanSchema)");
}

TEST(MappedRowTest, BindsEveryValueOnSqlite) {
  const auto insert = PrepareMappedInsert(SelectedLoanSchema(), LoanRow(), {"tx1", 0}, DatabaseKind::kSqlite);
  EXPECT_EQ(insert.sql,
            "INSERT INTO loans (transaction_id, output_index, amount, borrower, lender, memo, rate, secured) "
            "VALUES (?1, ?2, ?3, NULL, ?4, NULL, ?5, ?6)");
  EXPECT_EQ(insert.params, (std::vector<std::string>{"tx1", "0", "-42", Bank().x500_name, "1.5", "0"}));
}

TEST(MappedRowTest, QuotesDeclaredNamesThatNeedIt) {
  schema::SelectedSchema schema = SelectedLoanSchema();
  schema.entities = {{"Order",
                      {{"transaction_id", "VARCHAR", false, true, 144},
                       {"output_index", "INT", false, true},
                       {"select", "VARCHAR", true},
                       {"Mixed\"Case", "VARCHAR", true}},
                      ""}};
  PersistentState row{"Order", {}, {{"select", std::string("a")}, {"Mixed\"Case", std::string("b")}}};
  EXPECT_EQ(
      PrepareMappedInsert(schema, row, {"t", 0}, DatabaseKind::kPostgresql).sql,
      "INSERT INTO \"Order\" (transaction_id, output_index, \"Mixed\"\"Case\", \"select\") VALUES ($1, $2, $3, $4)");
}

TEST(MappedRowTest, DoublesRoundTrip) {
  PersistentState row{"loans", {}, {{"rate", 0.1}}};
  EXPECT_EQ(PrepareMappedInsert(SelectedLoanSchema(), row, {"t", 0}, DatabaseKind::kSqlite).params.back(), "0.1");
  row.columns["rate"] = 1e300;
  EXPECT_EQ(PrepareMappedInsert(SelectedLoanSchema(), row, {"t", 0}, DatabaseKind::kSqlite).params.back(), "1e+300");
}

TEST(MappedRowTest, RefusesUndeclaredNamesAsThePluginsFault) {
  auto message_of = [](const PersistentState& row, const schema::SelectedSchema& schema) -> std::string {
    try {
      PrepareMappedInsert(schema, row, {"tx1", 2}, DatabaseKind::kSqlite);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kPlugin);
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(message_of({"loans", {}, {{"colour; DROP TABLE loans", std::string("x")}}}, SelectedLoanSchema()),
            "vault: state tx1(2) generated a row for LoanSchemaV1 v1 (com.example.schemas.LoanSchema): table 'loans' "
            "declares no column 'colour; DROP TABLE loans'");
  EXPECT_THAT(message_of({"p_loans", {}, {}}, SelectedLoanSchema("p_")),
              HasSubstr("in table 'p_loans', which the schema does not declare"))
      << "rows name the entity, not the prefixed table";
  schema::SelectedSchema unkeyed = SelectedLoanSchema();
  unkeyed.entities = {{"loans", {{"transaction_id", "VARCHAR", false, true, 144}}, ""}};
  EXPECT_THAT(message_of({"loans", {}, {}}, unkeyed), HasSubstr("declares no column 'output_index'"));
}

}  // namespace
}  // namespace ledgerhost::vault::test
