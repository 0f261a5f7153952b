// Sample: IOUs between two parties. Its schema IOUSchemaV1 finds its changelog by the hyphenated
// name (migration/i-o-u-schema-v1.changelog-master.xml), an XML master including v1 and v2.
#include <ledgerhost/plugin.h>

namespace {

class IouService : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override { hub.Log(ledgerhost::LogLevel::kInfo, "IOU service ready to record IOUs"); }
};

}  // namespace

LEDGERHOST_PLUGIN("iou", "1.1.0") {
  plugin.AddSchema(ledgerhost::MappedSchema("com.example.schemas.IOUSchema", 1, "IOUSchemaV1")
                       .AddEntity({"iou_states",
                                   {{"output_index", "INT", false, true},
                                    {"transaction_id", "VARCHAR", false, true, 144},
                                    {"lender", "VARCHAR", true, false, 255},
                                    {"borrower", "VARCHAR", true, false, 255},
                                    {"value", "INT", true},
                                    {"linear_id", "VARCHAR", true, false, 36},
                                    {"currency", "VARCHAR", true, false, 3}},
                                   ""}));
  plugin.AddService<IouService>("iou-service");
}
