// The test's mapped schema and states. LoanSchemaV1 mirrors data/vault-test.changelog.xml; a
// LoanState generates a loans row and a loan_parts row per part, and can be told to generate rows
// its schema does not declare.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ledgerhost/state.h"
#include "schema/selected_schema.h"

namespace ledgerhost::vault::test {

inline constexpr const char* kLoanFamily = "com.example.schemas.LoanSchema";
inline constexpr const char* kLoanType = "com.example.states.Loan";

inline MappedSchema LoanSchemaV1() {
  return MappedSchema(kLoanFamily, 1, "LoanSchemaV1")
      .AddEntity({"loans",
                  {{"output_index", "INT", false, true},
                   {"transaction_id", "VARCHAR", false, true, 144},
                   {"lender", "VARCHAR", true, false, 255},
                   {"borrower", "VARCHAR", true, false, 255},
                   {"amount", "BIGINT", true},
                   {"rate", "DOUBLE", true},
                   {"secured", "BOOLEAN", true},
                   {"memo", "VARCHAR", true, false, 16}},
                  ""})
      .AddEntity({"loan_parts",
                  {{"transaction_id", "VARCHAR", false, true, 144},
                   {"output_index", "INT", false, true},
                   {"part_no", "INT", false, true},
                   {"part_amount", "BIGINT", true}},
                  "loans"});
}

// A later version this node has not selected; its table does not exist.
inline MappedSchema LoanSchemaV2() {
  return MappedSchema(kLoanFamily, 2, "LoanSchemaV2")
      .AddEntity(
          {"loans_v2", {{"output_index", "INT", false, true}, {"transaction_id", "VARCHAR", false, true, 144}}, ""});
}

// A schema of another family, not selected either.
inline MappedSchema AuditSchemaV1() {
  return MappedSchema("com.example.schemas.AuditSchema", 1, "AuditSchemaV1")
      .AddEntity(
          {"audit_rows", {{"output_index", "INT", false, true}, {"transaction_id", "VARCHAR", false, true, 144}}, ""});
}

// LoanSchemaV1 as the schema service selects it, with a node's options.
inline schema::SelectedSchema SelectedLoanSchema(std::string table_prefix = "", std::string database_schema = "") {
  const MappedSchema mapped = LoanSchemaV1();
  schema::SelectedSchema selected;
  selected.family = mapped.family();
  selected.version = mapped.version();
  selected.name = mapped.name();
  selected.entities = mapped.entities();
  selected.table_prefix = std::move(table_prefix);
  selected.database_schema = std::move(database_schema);
  return selected;
}

struct Loan {
  Party lender;
  Party borrower;
  int64_t amount = 0;
  double rate = 0;
  bool secured = false;
  std::optional<std::string> memo;  // absent: no memo column in the row
  std::vector<int64_t> parts;
};

class LoanState : public QueryableState {
 public:
  using Tamper = std::function<void(std::vector<PersistentState>&)>;

  explicit LoanState(Loan loan, std::vector<MappedSchema> supported = {LoanSchemaV1()}, Tamper tamper = {})
      : loan_(std::move(loan)), supported_(std::move(supported)), tamper_(std::move(tamper)) {}

  std::string TypeName() const override { return kLoanType; }
  std::vector<Party> Participants() const override { return {loan_.lender, loan_.borrower}; }
  std::vector<MappedSchema> SupportedSchemas() const override { return supported_; }
  std::vector<PersistentState> GenerateMappedObject(const MappedSchema& schema) const override {
    std::vector<PersistentState> rows;
    if (schema.family() != kLoanFamily || schema.version() != 1) {
      rows.push_back({schema.entities().front().table_name, {}, {}});
    } else {
      PersistentState loan;
      loan.table_name = "loans";
      loan.columns = {{"lender", loan_.lender},
                      {"borrower", loan_.borrower},
                      {"amount", loan_.amount},
                      {"rate", loan_.rate},
                      {"secured", loan_.secured}};
      if (loan_.memo) loan.columns["memo"] = *loan_.memo;
      rows.push_back(std::move(loan));
      for (size_t i = 0; i < loan_.parts.size(); ++i) {
        rows.push_back({"loan_parts", {}, {{"part_no", static_cast<int64_t>(i)}, {"part_amount", loan_.parts[i]}}});
      }
    }
    if (tamper_) tamper_(rows);
    return rows;
  }

 private:
  Loan loan_;
  std::vector<MappedSchema> supported_;
  Tamper tamper_;
};

// A state with no mapped schema: only vault_states and state_party rows.
class NoteState : public ContractState {
 public:
  explicit NoteState(std::vector<Party> participants) : participants_(std::move(participants)) {}
  std::string TypeName() const override { return "com.example.states.Note"; }
  std::vector<Party> Participants() const override { return participants_; }

 private:
  std::vector<Party> participants_;
};

}  // namespace ledgerhost::vault::test
