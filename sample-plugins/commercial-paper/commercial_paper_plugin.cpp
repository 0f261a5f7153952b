// Sample: commercial paper, with a YAML changelog.
#include <ledgerhost/plugin.h>

namespace {

class PaperMaturityWatcher : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override {
    hub.Log(ledgerhost::LogLevel::kInfo, "commercial paper maturity watcher started");
  }
};

}  // namespace

LEDGERHOST_PLUGIN("commercial-paper", "1.0.0") {
  plugin.AddSchema(ledgerhost::MappedSchema("com.example.schemas.CommercialPaperSchema", 1, "CommercialPaperSchemaV1")
                       .AddEntity({"cp_states",
                                   {{"output_index", "INT", false, true},
                                    {"transaction_id", "VARCHAR", false, true, 144},
                                    {"issuer_name", "VARCHAR", true, false, 255},
                                    {"owner_name", "VARCHAR", true, false, 255},
                                    {"maturity_instant", "TIMESTAMP"},
                                    {"face_value", "BIGINT"},
                                    {"ccy_code", "VARCHAR", true, false, 3}},
                                   ""}));
  plugin.AddService<PaperMaturityWatcher>("cp-maturity-watcher", {"iou-service"});
}
