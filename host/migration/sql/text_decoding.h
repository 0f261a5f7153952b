// Files read by changes (sqlFile, loadData CSV, createView/createProcedure path, valueClobFile)
// carry an `encoding` attribute; the generated SQL is UTF-8.
#pragma once

#include <string>

namespace ledgerhost::migration {

// `bytes` in `encoding` (UTF-8 default, ISO-8859-1/latin1, US-ASCII, windows-1252 as latin1 for
// 0xA0-0xFF) as UTF-8 without a byte-order mark. Throws MigrationError naming `where` for an
// encoding ledgerhost cannot decode or bytes that are not valid in it.
std::string DecodeText(const std::string& bytes, const std::string& encoding, const std::string& where);

}  // namespace ledgerhost::migration
