// Sample: obligations, with a JSON changelog.
#include <ledgerhost/plugin.h>

namespace {

class ObligationSettler : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override { hub.Log(ledgerhost::LogLevel::kInfo, "obligation settler started"); }
};

}  // namespace

LEDGERHOST_PLUGIN("obligation", "1.0.0") {
  plugin.AddSchema(ledgerhost::MappedSchema("com.example.schemas.ObligationSchema", 1, "ObligationSchemaV1")
                       .AddEntity({"obligation_states",
                                   {{"output_index", "INT", false, true},
                                    {"transaction_id", "VARCHAR", false, true, 144},
                                    {"obligor", "VARCHAR", true, false, 255},
                                    {"beneficiary", "VARCHAR", true, false, 255},
                                    {"amount", "BIGINT"},
                                    {"due", "TIMESTAMP"}},
                                   ""}));
  plugin.AddService<ObligationSettler>("obligation-settler");
}
