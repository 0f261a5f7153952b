// Sample: a plugin whose changelog came from a JVM project and names a Java customChange class
// (com.example.legacy.NormalizeCodes). The plugin registers a native implementation under that class
// name, so the node runs the changelog as Liquibase runs it with the Java class on its classpath.
#include <ledgerhost/plugin.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// Names reach the SQL only after this check: letters, digits and '_', not starting with a digit.
const std::string& CheckedName(const std::string& name) {
  const bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                     std::all_of(name.begin(), name.end(),
                                 [](unsigned char c) { return std::isalnum(c) != 0 || c == '_'; });
  if (!plain) throw std::invalid_argument("'" + name + "' is not a plain table or column name");
  return name;
}

// Upper-cases and trims a code column, as the Java class did.
class NormalizeCodes : public ledgerhost::CustomChange {
 public:
  std::vector<std::string> GenerateSql(const ledgerhost::CustomChangeContext& context) const override {
    const std::string& table = CheckedName(context.Param("tableName"));
    const std::string& column = CheckedName(context.Param("columnName"));
    return {"UPDATE " + table + " SET " + column + " = UPPER(TRIM(" + column + ")) WHERE " + column + " IS NOT NULL"};
  }
};

}  // namespace

LEDGERHOST_PLUGIN("legacy-accounts", "1.0.0") {
  plugin.AddSchema(ledgerhost::MappedSchema("com.example.schemas.LegacyAccountSchema", 1, "LegacyAccountSchemaV1")
                       .AddEntity({"legacy_accounts",
                                   {{"account_code", "VARCHAR", false, true, 34}, {"display_code", "VARCHAR", true, false, 34}},
                                   ""}));
  plugin.AddCustomChange<NormalizeCodes>("com.example.legacy.NormalizeCodes");
}
