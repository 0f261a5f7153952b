// The IOU state and its mapped schema, shared by the plugin and its tests (which record IOUs in the
// SDK test kit's in-memory host).
#pragma once

#include <ledgerhost/schema.h>
#include <ledgerhost/state.h>

#include <string>
#include <vector>

namespace iou {

inline constexpr const char* kIouSchemaFamily = "com.example.schemas.IOUSchema";
inline constexpr const char* kIouStateType = "com.example.contracts.IOUState";

inline ledgerhost::MappedSchema IouSchemaV1() {
  return ledgerhost::MappedSchema(kIouSchemaFamily, 1, "IOUSchemaV1")
      .AddEntity({"iou_states",
                  {{"output_index", "INT", false, true},
                   {"transaction_id", "VARCHAR", false, true, 144},
                   {"lender", "VARCHAR", true, false, 255},
                   {"borrower", "VARCHAR", true, false, 255},
                   {"value", "INT", true},
                   {"linear_id", "VARCHAR", true, false, 36},
                   {"currency", "VARCHAR", true, false, 3}},
                  ""});
}

class IouState : public ledgerhost::QueryableState {
 public:
  IouState(ledgerhost::Party lender, ledgerhost::Party borrower, int64_t value, std::string currency, std::string linear_id)
      : lender_(std::move(lender)),
        borrower_(std::move(borrower)),
        value_(value),
        currency_(std::move(currency)),
        linear_id_(std::move(linear_id)) {}

  std::string TypeName() const override { return kIouStateType; }
  std::vector<ledgerhost::Party> Participants() const override { return {lender_, borrower_}; }
  std::vector<ledgerhost::MappedSchema> SupportedSchemas() const override { return {IouSchemaV1()}; }
  std::vector<ledgerhost::PersistentState> GenerateMappedObject(const ledgerhost::MappedSchema& schema) const override {
    if (schema.family() != kIouSchemaFamily || schema.version() != 1) return {};
    ledgerhost::PersistentState row;
    row.table_name = "iou_states";
    row.columns = {{"lender", lender_}, {"borrower", borrower_}, {"value", value_}, {"currency", currency_},
                   {"linear_id", linear_id_}};
    return {row};
  }

  const ledgerhost::Party& lender() const { return lender_; }
  const ledgerhost::Party& borrower() const { return borrower_; }
  int64_t value() const { return value_; }

 private:
  ledgerhost::Party lender_;
  ledgerhost::Party borrower_;
  int64_t value_;
  std::string currency_;
  std::string linear_id_;
};

}  // namespace iou
