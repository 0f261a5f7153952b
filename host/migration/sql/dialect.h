// What differs between databases for SQL generation: quoting, literals, type names, clauses.
// One Dialect per DatabaseKind; the generators ask it instead of switching on the database.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "migration/model/change_log.h"
#include "db/database_kind.h"

namespace ledgerhost::migration {

class Dialect {
 public:
  // `live`: generating for a connected database. Liquibase then also quotes the keywords the JDBC
  // driver reports (SQLite: KEY, INDEX, LIMIT, ...), which offline scripts leave bare.
  explicit Dialect(db::DatabaseKind kind, bool live = false,
                   ObjectQuotingStrategy quoting = ObjectQuotingStrategy::kLegacy)
      : kind_(kind), live_(live), quoting_(quoting) {}
  db::DatabaseKind kind() const { return kind_; }
  bool Is(db::DatabaseKind kind) const { return kind_ == kind; }
  bool IsMysqlFamily() const { return kind_ == db::DatabaseKind::kMysql || kind_ == db::DatabaseKind::kMariadb; }
  std::string Name() const { return std::string(ShortName(kind_)); }

  // "schema.table" with each part quoted as needed.
  std::string Table(const Change& change, const char* table_attribute = "tableName",
                    const char* schema_attribute = "schemaName") const;
  std::string Identifier(std::string_view name) const;
  std::string String(std::string_view value) const;
  std::string Boolean(bool value) const;
  std::string CurrentDateTime() const;
  std::string AutoIncrementClause(const Attributes& column) const;
  std::string Type(std::string_view liquibase_type) const;
  // The name Liquibase gives an unnamed primary key of `table`.
  std::string DefaultPrimaryKeyName(const std::string& table) const;

  // A column value (value, valueNumeric, valueBoolean, valueDate, valueComputed, valueSequenceNext)
  // or nullopt when the column has none.
  std::optional<std::string> Value(const Attributes& column) const;
  // A default value clause operand, or nullopt when the column has no default.
  // A plain defaultValue is read through the column's type ("type" or "columnDataType"), as
  // Liquibase does: numbers and booleans unquoted, date/time functions kept as functions.
  // `add_column`: Liquibase's addColumn on Oracle and H2 quotes "now()"-style defaults.
  std::optional<std::string> DefaultValue(const Attributes& attributes, bool add_column = false) const;
  std::string DateLiteral(const std::string& text) const;
  std::string Computed(const std::string& expression) const;

 private:
  db::DatabaseKind kind_;
  bool live_ = false;
  ObjectQuotingStrategy quoting_ = ObjectQuotingStrategy::kLegacy;
};

// QuoteIdentifier with the connected driver's keywords quoted too (see Dialect's `live`).
// `strategy`: the changeset's objectQuotingStrategy.
std::string QuoteIdentifier(std::string_view name, db::DatabaseKind database, bool live,
                            ObjectQuotingStrategy strategy = ObjectQuotingStrategy::kLegacy);

bool JavaTrue(const std::string& text);
// LiquibaseDataType.formatNumber: a number as SQL, a fraction of zeros dropped ("0.000000" -> "0").
std::string JavaFormatNumber(const std::string& number);
bool LooksNumeric(std::string_view text);

}  // namespace ledgerhost::migration
