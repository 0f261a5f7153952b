#include "migration/sql/generator/generators.h"

#include "migration/sql/generator/support.h"

namespace ledgerhost::migration::generator {

Statements CreateSequence(const Change& change, const Dialect& d, const SqlGenerationContext& /*context*/) {
  // Liquibase accepts sequences on SQLite and MySQL and generates nothing for them.
  if (d.Is(db::DatabaseKind::kSqlite) || d.Is(db::DatabaseKind::kMysql)) return {};
  // Liquibase writes PostgreSQL's "IF NOT EXISTS" after two spaces.
  std::string sql = "CREATE SEQUENCE " + std::string(d.Is(db::DatabaseKind::kPostgresql) ? " IF NOT EXISTS " : "") +
                    d.Table(change, "sequenceName");
  if (const std::string* v = change.Find("dataType"); v && !d.Is(db::DatabaseKind::kOracle)) sql += " AS " + *v;
  // MariaDB's generator puts INCREMENT BY first (seen in the ILP connector capture).
  const bool increment_first = d.Is(db::DatabaseKind::kMariadb);
  if (const std::string* v = change.Find("incrementBy"); v && increment_first) sql += " INCREMENT BY " + *v;
  if (const std::string* v = change.Find("startValue")) sql += " START WITH " + *v;
  if (const std::string* v = change.Find("incrementBy"); v && !increment_first) sql += " INCREMENT BY " + *v;
  if (const std::string* v = change.Find("minValue")) sql += " MINVALUE " + *v;
  if (const std::string* v = change.Find("maxValue")) sql += " MAXVALUE " + *v;
  if (const std::string* v = change.Find("cacheSize"); v && !d.Is(db::DatabaseKind::kH2)) sql += " CACHE " + *v;
  if (JavaTrue(change.Get("cycle", "false"))) sql += " CYCLE";
  return {{sql}};
}

}  // namespace ledgerhost::migration::generator
