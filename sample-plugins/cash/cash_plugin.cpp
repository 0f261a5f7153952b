// Sample: fungible cash, with a formatted-SQL changelog.
#include <ledgerhost/plugin.h>

namespace {

class CashBalanceReporter : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override { hub.Log(ledgerhost::LogLevel::kInfo, "cash balance reporter started"); }
};

}  // namespace

LEDGERHOST_PLUGIN("cash", "1.0.0") {
  plugin.AddSchema(ledgerhost::MappedSchema("com.example.schemas.CashSchema", 1, "CashSchemaV1")
                       .AddEntity({"contract_cash_states",
                                   {{"output_index", "INT", false, true},
                                    {"transaction_id", "VARCHAR", false, true, 144},
                                    {"owner_name", "VARCHAR", true, false, 255},
                                    {"pennies", "BIGINT"},
                                    {"ccy_code", "VARCHAR", true, false, 3},
                                    {"issuer_name", "VARCHAR", true, false, 255}},
                                   ""}));
  plugin.AddService<CashBalanceReporter>("cash-balance-reporter");
}
