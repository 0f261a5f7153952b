#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements RenameSequence(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  Change old_sequence = change;
  old_sequence.attributes["sequenceName"] = Require(change, "oldSequenceName");
  const std::string from = d.Table(old_sequence, "sequenceName");
  const std::string to = d.Identifier(Require(change, "newSequenceName"));
  if (d.Is(db::DatabaseKind::kOracle)) return {{"RENAME " + from + " TO " + to}};
  if (d.Is(db::DatabaseKind::kMssql)) return {{"sp_rename " + from + " ," + to}};
  return {{"ALTER SEQUENCE " + from + " RENAME TO " + to}};
}

}  // namespace ledgerhost::migration::generator
