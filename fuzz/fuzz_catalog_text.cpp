// Fuzz target: the catalog texts the snapshot readers interpret (a default's SQL on each database, a
// PostgreSQL type spelling, SQLite's CREATE VIEW / CREATE INDEX texts). Any text gives an answer; a
// crash or an exception is a bug.
#include "fuzz_support.h"
#include "snapshot/value_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ledgerhost::snapshot;
  const std::string input = ledgerhost::fuzz::Text(data, size);
  for (const char* category : {"S", "N", "B", "D", "E"}) {
    const auto value = PostgresqlDefault(input, category);
    if (value && value->kind == DefaultValue::Kind::kString && value->value.size() > input.size()) __builtin_trap();
  }
  for (const char* type : {"BOOLEAN", "TEXT", "INTEGER"}) (void)SqliteDefault(input, type);
  for (const char* type : {"BOOLEAN", "DATETIME", "VARCHAR(10)"}) (void)MariadbDefault(input, type);
  (void)PostgresqlChangeLogType(input);
  if (ViewSelect(input).size() > input.size()) __builtin_trap();
  size_t total = 0;
  for (const auto& key : IndexKeyTexts(input)) total += key.size();
  if (total > input.size()) __builtin_trap();
  (void)SplitNames(input);
  return 0;
}
