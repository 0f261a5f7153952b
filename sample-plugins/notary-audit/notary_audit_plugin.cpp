// Sample: a plugin with a mapped schema but no migrations at all. On the embedded SQLite database the
// host can derive its tables from the entities; elsewhere an operator has to allow that explicitly.
#include <ledgerhost/plugin.h>

namespace {

class NotaryAuditor : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override { hub.Log(ledgerhost::LogLevel::kInfo, "notary auditor watching notarisations"); }
};

}  // namespace

LEDGERHOST_PLUGIN("notary-audit", "0.9.0") {
  plugin.AddSchema(ledgerhost::MappedSchema("com.example.schemas.NotaryAuditSchema", 1, "NotaryAuditSchemaV1")
                       .AddEntity({"notary_audit_log",
                                   {{"transaction_id", "VARCHAR", false, true, 144},
                                    {"notary_name", "VARCHAR", true, false, 255},
                                    {"signed_at", "TIMESTAMP"}},
                                   ""}));
  plugin.AddService<NotaryAuditor>("notary-auditor");
}
