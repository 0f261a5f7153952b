// Fuzz target: reading a SQLite CREATE TABLE text (sqlite_master.sql) for a table rebuild. Anything
// read must write back to a text that reads the same.
#include <cstdlib>

#include "fuzz_support.h"
#include "migration/sql/sqlite/sqlite_table_definition.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using ledgerhost::migration::sqlite::TableDefinition;
  const std::string input = ledgerhost::fuzz::Text(data, size);
  try {
    const TableDefinition table = TableDefinition::Parse(input, "t");
    const std::string written = table.CreateSql("\"t\"");
    if (TableDefinition::Parse(written, "t").CreateSql("\"t\"") != written) std::abort();
    ledgerhost::migration::sqlite::MentionsIdentifier(input, "t");
  } catch (const ledgerhost::Error&) {
  }
  return 0;
}
