#include "vault/identity_registry.h"

#include <utility>

#include "core/error.h"
#include "vault/bound_values.h"
#include "vault/text_limits.h"

namespace ledgerhost::vault {
namespace {

std::string TableOf(const schema::SchemaCatalog& catalog, db::DatabaseKind database) {
  const schema::SelectedSchema* schema = catalog.Find(kNodeSchemaFamily, kNodeSchemaVersion);
  if (schema == nullptr) {
    throw Error(ExitCode::kInternal, std::string("identities need the host's schema ") + kNodeSchemaFamily + " v" +
                                         std::to_string(kNodeSchemaVersion) + " in the schema catalog");
  }
  return schema->SqlTable("node_named_identities", database);
}

}  // namespace

IdentityRegistry::IdentityRegistry(db::SharedConnection& connection, const schema::SchemaCatalog& catalog,
                                   Party our_identity, Clock clock)
    : connection_(connection),
      table_(TableOf(catalog, connection.kind())),
      clock_(clock ? std::move(clock) : SystemClock()),
      our_identity_(std::move(our_identity)) {
  if (our_identity_.well_known) RegisterWellKnown(our_identity_);
}

void IdentityRegistry::RegisterWellKnown(const Party& party) {
  if (!party.well_known) {
    throw Error(ExitCode::kInternal, "identities: party '" + party.x500_name +
                                         "' is anonymous; only well-known parties are registered by name");
  }
  if (party.x500_name.empty()) throw DatabaseError("identities: a well-known party needs an X.500 name");
  if (const std::string problem = TextProblem(party.x500_name, kNameLength); !problem.empty()) {
    throw DatabaseError("identities: the X.500 name '" + party.x500_name + "' " + problem);
  }
  const auto connection = connection_.Take();
  BoundValues values(connection_.kind());
  const std::string placeholders = values.BindAll({party.x500_name, UtcTimestamp(clock_())});
  try {
    // Idempotent in one statement, also against another node process registering the same name.
    connection->InsertUnlessDuplicate("INSERT INTO " + table_ + " (name, recorded_timestamp) VALUES (" + placeholders + ")",
                                      values.values(), "name");
  } catch (const DatabaseError& e) {
    throw DatabaseError("identities: registering '" + party.x500_name + "': " + e.what());
  }
  Remember(party);
}

const Party* IdentityRegistry::WellKnownParty(const std::string& x500_name) const {
  const auto connection = connection_.Take();
  if (auto it = by_name_.find(x500_name); it != by_name_.end()) return it->second;
  // A NUL would end the name early on PostgreSQL and so find another party.
  if (!TextProblem(x500_name, 0).empty()) return nullptr;
  BoundValues values(connection_.kind());
  const std::string sql = "SELECT 1 FROM " + table_ + " WHERE name = " + values.Bind(x500_name);
  std::vector<db::Row> rows;
  try {
    rows = connection->Query(sql, values.values());
  } catch (const DatabaseError& e) {
    throw DatabaseError("identities: looking up '" + x500_name + "': " + e.what());
  }
  if (rows.empty()) return nullptr;
  // Known by name from an earlier run: its key was never stored.
  return Remember(Party{x500_name, {}, true});
}

const Party* IdentityRegistry::Remember(Party party) const {
  auto it = by_name_.find(party.x500_name);
  if (it != by_name_.end() && it->second->public_key == party.public_key) return it->second;
  const Party* kept = &parties_.emplace_back(std::move(party));
  by_name_[kept->x500_name] = kept;
  return kept;
}

}  // namespace ledgerhost::vault
