// Unicode NFC normalisation of UTF-8 text, as java.text.Normalizer.normalize(s, NFC) in
// Liquibase's CheckSum.compute(String). Backed by ICU.
#pragma once

#include <string>

namespace ledgerhost::migration {

// `utf8` in Normalization Form C. Text that is not valid UTF-8 is returned unchanged.
std::string NormalizeNfc(const std::string& utf8);

}  // namespace ledgerhost::migration
