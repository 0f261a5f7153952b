// The plugin's mapped schema, shared by the plugin and its test.
#pragma once

#include <ledgerhost/schema.h>

namespace hello {

inline ledgerhost::MappedSchema HelloSchemaV1() {
  ledgerhost::MappedSchema schema("org.example.HelloSchema", 1, "HelloSchemaV1");
  schema.AddEntity({"hello_states", {{"id", "INT", true, false, 0}}, ""});
  return schema;
}

}  // namespace hello
