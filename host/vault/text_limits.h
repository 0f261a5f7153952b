// Whether a text fits a VARCHAR column the same way on every database: PostgreSQL refuses a value
// longer than the column, SQLite stores it anyway, and libpq's C-string parameters would cut a value
// at a NUL. Checking first gives one behaviour and a message naming the value.
#pragma once

#include <string>

namespace ledgerhost::vault {

// Column lengths of the host's vault tables (migrations/ledgerhost-node.changelog-v1.xml): names
// (X.500 names, notaries, state types) and transaction ids.
constexpr int kNameLength = 255;
constexpr int kTransactionIdLength = 144;

// Why `value` cannot be stored in a VARCHAR(max_chars) column (max_chars <= 0: no limit), or "" when
// it can. Lengths count characters (UTF-8 code points), as VARCHAR(n) does.
std::string TextProblem(const std::string& value, int max_chars);

}  // namespace ledgerhost::vault
