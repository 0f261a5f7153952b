#include <ledgerhost/plugin.h>

#include "hello_schema.h"

namespace {

class Greeter : public ledgerhost::Service {
 public:
  void Start(ledgerhost::ServiceHub& hub) override { hub.Log(ledgerhost::LogLevel::kInfo, "hello from out of tree"); }
};

}  // namespace

LEDGERHOST_PLUGIN("hello-out-of-tree", "2.0.0") {
  plugin.AddSchema(hello::HelloSchemaV1());
  plugin.AddService<Greeter>("greeter");
}
