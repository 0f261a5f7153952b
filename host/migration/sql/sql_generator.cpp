// SQL generation's entry point: the generator of the change's type (generator/change_generators.cpp),
// for the database the context names. The expected output of every case was captured from
// Liquibase 4.28 (tests/host/migration/sql/).
#include "migration/sql/sql_generator.h"

#include "migration/sql/dialect.h"
#include "migration/sql/generator/generators.h"

namespace ledgerhost::migration {

std::vector<SqlStatement> GenerateSql(const Change& change, const SqlGenerationContext& context) {
  const Dialect d(context.database, static_cast<bool>(context.introspect), context.quoting);
  return generator::Generate(change, d, context);
}

}  // namespace ledgerhost::migration
