#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ledgerhost::migration {

// A column type as changelogs write it (`type`, `columnDataType`, `newDataType`, `dataType`, ...)
// is pasted into the SQL as written, as Liquibase's DataTypeFactory does with every type it does not
// know. So it must be a type and nothing more: words (`DOUBLE PRECISION`, `java.sql.Types.INTEGER`,
// `NOT NULL`, `COLLATE utf8mb4_bin`), numbers, quoted names and strings ("C", `x`, [varchar],
// 'a'), and the punctuation of sizes, arrays and Liquibase's `{autoIncrement:true}`.
// No statement end (;), comment (-- /* #), operator or backslash, and no quoting this scanner would
// read differently from a database (PostgreSQL's $$ or $tag$, Oracle's q'[...]').
//
// Returns what is wrong (the offending character and its 1-based column), or nothing when `text`
// is a type. An empty or blank text is a type here: what it means is decided later, as Liquibase does.
std::optional<std::string> DataTypeGrammarProblem(std::string_view text);

}  // namespace ledgerhost::migration
