// Liquibase's DataTypeFactory as a table (liquibase-spec.md §7.2, captured from Liquibase 4.28).
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>

#include "core/text.h"
#include "migration/sql/dialect.h"
#include "migration/sql/sql_generator.h"
#include "migration/sql/postgresql_type.h"
#include "migration/sql/sqlite_type.h"

namespace ledgerhost::migration {
namespace {

using text::Trim;
using text::Upper;

// Columns: postgresql, mysql, mariadb, oracle, mssql, sqlite, h2. "%" stands for the parameters
// "(a, b)" as written; an entry without "%" drops them.
using Row = std::array<const char*, 7>;
const std::map<std::string, Row>& Table() {
  static const std::map<std::string, Row> table{
      {"BIGINT", {"BIGINT", "BIGINT", "BIGINT", "NUMBER(38, 0)", "bigint", "BIGINT", "BIGINT"}},
      {"INT", {"INTEGER", "INT", "INT", "INTEGER", "int", "INTEGER", "INT"}},
      {"INTEGER", {"INTEGER", "INT", "INT", "INTEGER", "int", "INTEGER", "INT"}},
      {"SMALLINT", {"SMALLINT", "SMALLINT", "SMALLINT", "NUMBER(5)", "smallint", "SMALLINT", "SMALLINT"}},
      {"TINYINT", {"SMALLINT", "TINYINT", "TINYINT", "NUMBER(3)", "tinyint", "TINYINT", "TINYINT"}},
      {"BOOLEAN", {"BOOLEAN", "TINYINT", "TINYINT(1)", "BOOLEAN", "bit", "BOOLEAN", "BOOLEAN"}},
      {"BIT", {"BIT", "BIT", "BIT", "BOOLEAN", "bit", "BOOLEAN", "BOOLEAN"}},
      {"VARCHAR", {"VARCHAR%", "VARCHAR%", "VARCHAR%", "VARCHAR2%", "varchar%", "VARCHAR%", "VARCHAR%"}},
      {"VARCHAR2", {"VARCHAR%", "VARCHAR%", "VARCHAR%", "VARCHAR2%", "varchar%", "VARCHAR%", "VARCHAR%"}},
      {"NVARCHAR", {"VARCHAR%", "NVARCHAR%", "NVARCHAR%", "NVARCHAR2%", "nvarchar%", "NVARCHAR%", "NVARCHAR%"}},
      {"CHAR", {"CHAR%", "CHAR%", "CHAR%", "CHAR%", "char%", "CHAR%", "CHAR%"}},
      {"NCHAR", {"NCHAR%", "NCHAR%", "NCHAR%", "NCHAR%", "nchar%", "NCHAR%", "NCHAR%"}},
      {"TEXT", {"TEXT", "TEXT", "TEXT", "CLOB", "varchar (max)", "TEXT", "CLOB"}},
      {"CLOB", {"TEXT", "LONGTEXT", "LONGTEXT", "CLOB", "varchar(MAX)", "TEXT", "CLOB"}},
      {"NCLOB", {"TEXT", "LONGTEXT CHARACTER SET utf8", "LONGTEXT CHARACTER SET utf8", "NCLOB", "nvarchar(MAX)", "TEXT", "CLOB"}},
      {"BLOB", {"OID", "BLOB", "BLOB", "BLOB", "varbinary(MAX)", "BLOB", "BLOB"}},
      {"VARBINARY", {"BYTEA", "VARBINARY%", "VARBINARY%", "RAW%", "varbinary%", "BLOB%", "VARBINARY%"}},
      {"BINARY", {"BYTEA", "BINARY%", "BINARY%", "RAW%", "binary%", "BLOB%", "BINARY%"}},
      {"LONGBLOB", {"BYTEA", "LONGBLOB", "LONGBLOB", "BLOB", "varbinary(MAX)", "BLOB", "BLOB"}},
      {"TIMESTAMP", {"TIMESTAMP WITHOUT TIME ZONE", "timestamp", "timestamp", "TIMESTAMP", "datetime2", "TEXT", "TIMESTAMP"}},
      {"TIMESTAMP WITH TIME ZONE",
       {"TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE",
        "datetime2", "TEXT", "TIMESTAMP WITH TIME ZONE"}},
      {"DATETIME", {"TIMESTAMP WITHOUT TIME ZONE", "datetime", "datetime", "TIMESTAMP", "datetime", "TEXT", "TIMESTAMP"}},
      {"DATE", {"date", "date", "date", "date", "date", "date", "date"}},
      {"TIME", {"time WITHOUT TIME ZONE", "time", "time", "DATE", "time", "time", "time"}},
      {"DECIMAL", {"DECIMAL%", "DECIMAL%", "DECIMAL%", "DECIMAL%", "decimal%", "DECIMAL%", "DECIMAL%"}},
      {"NUMBER", {"numeric%", "numeric%", "numeric%", "NUMBER%", "numeric%", "NUMBER%", "numeric%"}},
      {"NUMERIC", {"numeric%", "numeric%", "numeric%", "NUMBER%", "numeric%", "NUMBER%", "numeric%"}},
      {"DOUBLE", {"DOUBLE PRECISION", "DOUBLE", "DOUBLE", "DOUBLE PRECISION", "float(53)", "DOUBLE", "DOUBLE PRECISION"}},
      {"FLOAT", {"FLOAT", "FLOAT", "FLOAT", "FLOAT", "float(53)", "FLOAT", "FLOAT"}},
      {"REAL", {"REAL", "REAL", "REAL", "FLOAT", "real", "FLOAT", "REAL"}},
      {"CURRENCY", {"DECIMAL", "DECIMAL", "DECIMAL", "NUMBER(15, 2)", "money", "REAL", "DECIMAL(18, 4)"}},
      {"UUID", {"UUID", "char(36)", "UUID", "RAW(16)", "uniqueidentifier", "TEXT", "UUID"}},
      {"XML", {"XML", "LONGTEXT", "LONGTEXT", "XMLTYPE", "xml", "TEXT", "CLOB"}},
  };
  return table;
}

size_t Column(db::DatabaseKind database) {
  switch (database) {
    case db::DatabaseKind::kPostgresql: return 0;
    case db::DatabaseKind::kMysql: return 1;
    case db::DatabaseKind::kMariadb: return 2;
    case db::DatabaseKind::kOracle: return 3;
    case db::DatabaseKind::kMssql: return 4;
    case db::DatabaseKind::kSqlite: return 5;
    case db::DatabaseKind::kH2: return 6;
  }
  return 0;
}

// Liquibase's TimestampType and DateTimeType on MySQL/MariaDB, which a table cannot say: a timestamp
// written with a space or parentheses ("TIMESTAMP(6)", "TIMESTAMP(6) NOT NULL") is kept as written,
// else it is "timestamp"; a datetime keeps its fractional digits (at most 6) and nothing else.
std::optional<std::string> MysqlTemporalType(const std::string& type) {
  const std::string upper = Upper(type);
  const auto open = upper.find('(');
  const std::string name = Trim(upper.substr(0, std::min(open, upper.find(' '))));
  if (name == "TIMESTAMP" || name == "TIMESTAMPTZ" || name == "JAVA.SQL.TIMESTAMP" || name == "JAVA.SQL.TYPES.TIMESTAMP" ||
      name == "JAVA.SQL.TYPES.TIMESTAMP_WITH_TIMEZONE") {
    if (type.find_first_of(" (") != std::string::npos) return type;
    return "timestamp";
  }
  if (name == "DATETIME" || name == "JAVA.SQL.TYPES.DATETIME" || name == "JAVA.UTIL.DATE" || name == "SMALLDATETIME" ||
      name == "DATETIME2") {
    const auto close = upper.find(')', open);
    if (open == std::string::npos || close == std::string::npos) return "datetime";
    const std::string digits = Trim(upper.substr(open + 1, close - open - 1));
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) {
      return std::nullopt;  // not a precision: the table's rule
    }
    // Integer.valueOf, at most 6 (DateTimeType resets a larger precision to MySQL's maximum).
    const auto significant = digits.find_first_not_of('0');
    const bool large = significant != std::string::npos && (digits.size() - significant > 1 || digits[significant] > '6');
    return "datetime(" + (large ? std::string("6") : significant == std::string::npos ? "0" : digits.substr(significant)) + ")";
  }
  return std::nullopt;
}

}  // namespace

std::string DatabaseType(std::string_view liquibase_type, db::DatabaseKind database) {
  // SQLite follows Liquibase's DataTypeFactory in full: the table rebuild feeds it the types the
  // driver reports ("BIGINT(2000000000)"), which the table below does not know.
  if (database == db::DatabaseKind::kSqlite) return ResolveSqliteType(Trim(std::string(liquibase_type))).sql;
  if (database == db::DatabaseKind::kPostgresql) return ResolvePostgresqlType(Trim(std::string(liquibase_type))).sql;
  std::string type = Trim(std::string(liquibase_type));
  if (database == db::DatabaseKind::kMysql || database == db::DatabaseKind::kMariadb) {
    if (auto temporal = MysqlTemporalType(type)) return *temporal;
  }
  std::string upper = Upper(type);
  for (const char* prefix : {"JAVA.SQL.TYPES.", "JAVA.LANG."}) {
    if (upper.rfind(prefix, 0) == 0) {
      type = type.substr(std::string(prefix).size());
      upper = Upper(type);
    }
  }
  if (upper == "STRING") return Column(database) == 4 ? "varchar(1)" : (Column(database) == 3 ? "VARCHAR2" : "VARCHAR");
  // name(params) suffix
  std::string name = upper;
  std::string params;
  std::string suffix;
  if (auto open = upper.find('('); open != std::string::npos) {
    auto close = upper.find(')', open);
    name = Trim(upper.substr(0, open));
    std::string inner = type.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
    std::string joined;
    size_t start = 0;
    while (true) {
      auto comma = inner.find(',', start);
      joined += (joined.empty() ? "" : ", ") + Trim(inner.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    params = "(" + joined + ")";
    if (close != std::string::npos) suffix = type.substr(close + 1);
  } else if (auto space = upper.find(' '); space != std::string::npos && Table().count(upper) == 0) {
    name = upper.substr(0, space);
    suffix = type.substr(space);
  }
  if (Upper(Trim(suffix)) == "UNSIGNED") {
    // Only MySQL-like databases know UNSIGNED; Liquibase drops it for Oracle, SQL Server and H2.
    suffix = database == db::DatabaseKind::kOracle || database == db::DatabaseKind::kMssql || database == db::DatabaseKind::kH2
                 ? ""
                 : " UNSIGNED";
  }
  auto it = Table().find(name);
  if (it == Table().end()) return type;  // unknown types pass through verbatim, as in Liquibase
  std::string mapped = it->second[Column(database)];
  if (auto pct = mapped.find('%'); pct != std::string::npos) {
    mapped.replace(pct, 1, params);
  }
  if (database == db::DatabaseKind::kMssql && name == "NUMBER" && params.find(',') == std::string::npos && !params.empty()) {
    mapped = "numeric" + params.substr(0, params.size() - 1) + ", 0)";
  }
  if (database == db::DatabaseKind::kMssql) {
    // Liquibase's SQL Server types: an unsized decimal is decimal(18, 0); sizes beyond the
    // database's limit (8000 bytes, 4000 national characters) become MAX.
    if (name == "DECIMAL" && params.empty()) mapped = "decimal(18, 0)";
    long size = 0;
    if (params.size() > 2 && params.find(',') == std::string::npos) {
      try {
        size = std::stol(params.substr(1, params.size() - 2));
      } catch (const std::exception&) {
        size = 0;  // "(MAX)" and the like: kept as written
      }
    }
    if ((name == "VARCHAR" || name == "VARCHAR2") && size > 8000) mapped = "varchar(MAX)";
    if (name == "NVARCHAR" && size > 4000) mapped = "nvarchar(MAX)";
    if ((name == "VARBINARY" || name == "BINARY") && size > 8000) mapped = "varbinary(MAX)";
  }
  return mapped + suffix;
}

std::string Dialect::Type(std::string_view liquibase_type) const { return DatabaseType(liquibase_type, kind_); }

}  // namespace ledgerhost::migration
