#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

// The procedure text runs as written (it is the changelog author's SQL); Oracle scripts end a
// PL/SQL block with "/" on its own line.
Statements CreateProcedure(const Change& change, const Dialect& d, const SqlGenerationContext& context) {
  std::string text = change.Find("path") ? ReadResource(change, context, "path") : Require(change, "procedureText");
  auto last = text.find_last_not_of(" \t\r\n");
  text = last == std::string::npos ? "" : text.substr(0, last + 1);
  return {SqlStatement(text, d.Is(db::DatabaseKind::kOracle) ? "\n/" : ";")};
}

}  // namespace ledgerhost::migration::generator
