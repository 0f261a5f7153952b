// Native stand-ins for Liquibase `customChange` classes. A changelog brought over from a JVM project
// may name a Java class (`<customChange class="com.example.NormalizeCodes">`) that ledgerhost cannot
// load. A plugin registers an implementation under the same class name:
//
//   class NormalizeCodes : public ledgerhost::CustomChange {
//    public:
//     std::vector<std::string> GenerateSql(const ledgerhost::CustomChangeContext& context) const override {
//       return {"UPDATE " + context.Param("table") + " SET code = UPPER(code)"};
//     }
//   };
//   LEDGERHOST_PLUGIN("codes", "1.0.0") { plugin.AddCustomChange<NormalizeCodes>("com.example.NormalizeCodes"); }
//
// The host then runs the statements in the changeset's transaction (or prints them in update-sql),
// like Liquibase's CustomSqlChange. The changeset's checksum is Liquibase's (class name and params),
// so a database moves between Liquibase and ledgerhost either way. A class with no implementation
// stops the update before anything runs unless the operator marks its changesets ran
// (`--custom-change CLASS=mark-ran`, node.yaml `database.customChanges`).
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ledgerhost {

// What the changeset gives the implementation. Valid only during the call.
struct CustomChangeContext {
  std::string database;                       // Liquibase short name: "postgresql", "sqlite", "mysql", ...
  std::string location;                       // the changelog file and line of the customChange, for messages
  std::map<std::string, std::string> params;  // <param name=... value=...>, properties already expanded

  // The parameter `name`; throws std::invalid_argument naming it when the changeset does not give it.
  const std::string& Param(const std::string& name) const {
    auto it = params.find(name);
    if (it == params.end()) throw std::invalid_argument("customChange parameter '" + name + "' is not set");
    return it->second;
  }
};

// One implementation per Java class name. Created once per process by the plugin's factory; GenerateSql
// may be called several times (validation, update-sql, update) and must not depend on earlier calls.
class CustomChange {
 public:
  virtual ~CustomChange() = default;
  // The SQL statements, in order, without terminators. Names must come from the changelog or the
  // plugin, never from unchecked outside input. Throw (any std::exception) to refuse: the update stops
  // with the message and the changeset named, nothing of the changeset applied.
  virtual std::vector<std::string> GenerateSql(const CustomChangeContext& context) const = 0;
};

}  // namespace ledgerhost
