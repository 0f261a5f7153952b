#include "migration/sql/generator/support.h"

#include <algorithm>
#include <sstream>

#include "core/error.h"
#include "core/text.h"
#include "migration/sql/text_decoding.h"

namespace ledgerhost::migration::generator {

[[noreturn]] void Unsupported(const Change& change, const Dialect& dialect) {
  throw UnsupportedChangeError(change.location.ToString() + ": " + change.type + " is not supported on " +
                               dialect.Name());
}

[[noreturn]] void Disallowed(const SourceLocation& location, const char* field, const Dialect& dialect) {
  throw UnsupportedChangeError(location.ToString() + ": " + field + " is not allowed on " + dialect.Name());
}

Statements NotSupported(const Change& change, const Dialect& dialect, const SqlGenerationContext& /*context*/) {
  Unsupported(change, dialect);
}

std::string Require(const Change& change, const char* attribute) {
  const std::string* value = change.Find(attribute);
  if (!value || value->empty()) {
    throw MigrationError(change.location.ToString() + ": " + change.type + " needs " + attribute);
  }
  return *value;
}

std::string Attr(const Attributes& attributes, const char* name, const std::string& fallback) {
  auto it = attributes.find(name);
  return it == attributes.end() ? fallback : it->second;
}

bool Has(const Attributes& attributes, const char* name) { return attributes.count(name) > 0; }

std::vector<std::string> SplitNames(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    std::string name = text::TrimChars(item, " \t\n");
    if (!name.empty()) out.push_back(std::move(name));
  }
  return out;
}

std::string JoinIdentifiers(const Dialect& d, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + d.Identifier(n);
  return out;
}

std::string ColumnName(const ColumnConfig& column, const Change& change) {
  auto it = column.attributes.find("name");
  if (it == column.attributes.end() || it->second.empty()) {
    throw MigrationError(column.location.ToString() + ": " + change.type + ": a column needs a name");
  }
  return it->second;
}

bool ConstraintTrue(const ColumnConfig& column, const char* name) {
  return column.constraints && Has(*column.constraints, name) && JavaTrue(column.constraints->at(name));
}

bool ConstraintFalse(const ColumnConfig& column, const char* name) {
  return column.constraints && Has(*column.constraints, name) && !JavaTrue(column.constraints->at(name));
}

std::pair<std::string, std::string> SplitReference(const std::string& references) {
  auto open = references.find('(');
  if (open == std::string::npos) return {references, ""};
  auto close = references.rfind(')');
  return {references.substr(0, open), references.substr(open + 1, close - open - 1)};
}

std::string DefaultClause(const Dialect& d, const std::string& table, const std::string& column, const Attributes& a,
                          bool add_column) {
  auto value = d.DefaultValue(a, add_column);
  if (!value) return "";
  if (d.Is(db::DatabaseKind::kMssql)) {
    const std::string name = Attr(a, "defaultValueConstraintName", "DF_" + table + "_" + column);
    return " CONSTRAINT " + d.Identifier(name) + " DEFAULT " + *value;
  }
  return " DEFAULT " + *value;
}

std::string TablespaceClause(const Change& change, const Dialect& d) {
  const std::string* tablespace = change.Find("tablespace");
  if (!tablespace || tablespace->empty()) return "";
  if (!d.Is(db::DatabaseKind::kPostgresql) && !d.Is(db::DatabaseKind::kOracle)) return "";
  return " TABLESPACE " + d.Identifier(*tablespace);
}

std::string ReferentialActions(const Dialect& d, const Attributes& a, bool delete_cascade) {
  std::string out;
  // Oracle has no ON UPDATE action; Liquibase leaves it out there.
  if (Has(a, "onUpdate") && !d.Is(db::DatabaseKind::kOracle)) out += " ON UPDATE " + a.at("onUpdate");
  if (Has(a, "onDelete")) out += " ON DELETE " + a.at("onDelete");
  else if (delete_cascade) out += " ON DELETE CASCADE";
  if (JavaTrue(Attr(a, "deferrable", "false"))) out += " DEFERRABLE";
  if (JavaTrue(Attr(a, "initiallyDeferred", "false"))) out += " INITIALLY DEFERRED";
  return out;
}

std::string MssqlDescription(const Dialect& d, const std::string& table, const std::string& remarks,
                             const std::string& column) {
  auto escaped = [&](const std::string& text) {
    std::string quoted = d.String(text);
    return quoted.substr(1, quoted.size() - 2);
  };
  const std::string value = "N" + d.String(remarks);
  const std::string minor = column.empty() ? "0"
                                           : "( SELECT column_id FROM sys.columns WHERE name = '" + escaped(column) +
                                                 "' AND object_id = OBJECT_ID('dbo." + escaped(table) + "'))";
  const std::string target = " , @level0type = N'SCHEMA' , @level0name = N'dbo' , @level1type = N'TABLE' , @level1name = N'" +
                             escaped(table) + "'" +
                             (column.empty() ? "" : " , @level2type = N'COLUMN' , @level2name = N'" + escaped(column) + "'");
  return "IF EXISTS(  SELECT extended_properties.value FROM sys.extended_properties WHERE major_id = OBJECT_ID('dbo." +
         escaped(table) + "') AND name = N'MS_DESCRIPTION' AND minor_id = " + minor +
         " ) BEGIN  EXEC sys.sp_updateextendedproperty @name = N'MS_Description' , @value = " + value + target +
         " END  ELSE  BEGIN  EXEC sys.sp_addextendedproperty @name = N'MS_Description' , @value = " + value + target +
         " END";
}

[[noreturn]] void NeedsLiveDatabase(const Change& change, const std::string& statement_class) {
  throw MigrationError(change.location.ToString() + ": " + statement_class +
                       " requires access to up to date database metadata which is not available in SQL output mode");
}

std::string ColumnValue(const Dialect& d, const ColumnConfig& column,
                        const SqlGenerationContext& context) {
  if (const std::string path = Attr(column.attributes, "valueClobFile"); !path.empty()) {
    if (context.loader == nullptr) throw MigrationError(column.location.ToString() + ": valueClobFile needs a resource loader");
    const std::string resolved = ResourceLoader::Resolve(path, context.change_log_path);
    auto bytes = context.loader->Read(resolved);
    if (!bytes) {
      throw MigrationError(column.location.ToString() + ": valueClobFile '" + resolved + "' not found in " +
                           context.loader->Describe());
    }
    return d.String(DecodeText(*bytes, Attr(column.attributes, "encoding", "UTF-8"), column.location.ToString()));
  }
  if (Has(column.attributes, "valueBlobFile")) {
    throw UnsupportedChangeError(column.location.ToString() + ": valueBlobFile is not supported by ledgerhost");
  }
  return d.Value(column.attributes).value_or("NULL");
}

std::string ValuesList(const Dialect& d, const Change& change, const SqlGenerationContext& context,
                       std::string& columns_out) {
  std::string values;
  for (const auto& column : change.columns) {
    columns_out += (columns_out.empty() ? "" : ", ") + d.Identifier(ColumnName(column, change));
    values += (values.empty() ? "" : ", ") + ColumnValue(d, column, context);
  }
  return values;
}

bool NeedsPreparedStatement(const Change& change, bool insert) {
  return std::any_of(change.columns.begin(), change.columns.end(), [insert](const ColumnConfig& column) {
    const std::string type = text::Upper(Attr(column.attributes, "type"));
    return Has(column.attributes, "valueClobFile") || Has(column.attributes, "valueBlobFile") ||
           (insert && (type == "BLOB" || type == "CLOB"));
  });
}

std::string ReadResource(const Change& change, const SqlGenerationContext& context, const char* attribute) {
  const std::string path = Require(change, attribute);
  if (context.loader == nullptr) throw MigrationError(change.location.ToString() + ": " + change.type + " needs a resource loader");
  const bool relative = JavaTrue(change.Get("relativeToChangelogFile", "false"));
  const std::string resolved = ResourceLoader::Resolve(path, relative ? context.change_log_path : "");
  auto bytes = context.loader->Read(resolved);
  if (!bytes) {
    throw MigrationError(change.location.ToString() + ": " + change.type + ": file '" + resolved + "' not found in " +
                         context.loader->Describe());
  }
  return DecodeText(*bytes, change.Get("encoding", "UTF-8"), change.location.ToString() + ": " + resolved);
}

std::string ColumnType(const Change& change, const Dialect& d, const char* attribute) {
  const std::string* type = change.Find(attribute);
  if (!type || text::Trim(*type).empty()) {
    // Liquibase's generators validate it (checkRequiredField), so validate reports it for every changeset.
    throw UnsupportedChangeError(change.location.ToString() + ": " + attribute + " is required for " + change.type +
                                 " on " + d.Name());
  }
  return d.Type(*type);
}

std::string DropMssqlDefaultConstraint(const Dialect& d, const std::string& table, const std::string& column) {
  auto escaped = [&](const std::string& text) {
    std::string quoted = d.String(text);
    return quoted.substr(1, quoted.size() - 2);
  };
  return "DECLARE @sql [nvarchar](MAX)\r\nSELECT @sql = N'ALTER TABLE " + escaped(table) +
         " DROP CONSTRAINT ' + QUOTENAME([df].[name]) FROM [sys].[columns] AS [c] INNER JOIN "
         "[sys].[default_constraints] AS [df] ON [df].[object_id] = [c].[default_object_id] WHERE [c].[object_id] = "
         "OBJECT_ID(N'" + escaped(table) + "') AND [c].[name] = N'" + escaped(column) + "'\r\nEXEC sp_executesql @sql";
}

}  // namespace ledgerhost::migration::generator
